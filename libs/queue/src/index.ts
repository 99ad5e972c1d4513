export * from './jobs';
export * from './job-producer';
export * from './preflight';
export * from './queue-connection';
export * from './queue.module';
export * from './queue-consumer';
