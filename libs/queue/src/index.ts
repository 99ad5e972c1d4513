export { jobDefinitions, QueueName } from './jobs';
export type { JobHandlers, JobName, JobPayloads } from './jobs';
export { JobProducer } from './job-producer';
export { assertRedisReachable } from './preflight';
export { queueConnection, redisOptionsFromUrl, selectQueueBackend } from './queue-connection';
export { QueueModule } from './queue.module';
export { QueueConsumer } from './queue-consumer';
