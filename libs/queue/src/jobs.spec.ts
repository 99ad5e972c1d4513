import { jobDefinitions, QueueName } from './jobs';

describe('job definitions', () => {
  it('should send every job to a registered queue, with bounded retries and retention', () => {
    const queues = Object.values(QueueName) as string[];
    for (const [name, definition] of Object.entries(jobDefinitions)) {
      expect({ name, known: queues.includes(definition.queue) }).toEqual({ name, known: true });
      expect(definition.options.attempts).toBeGreaterThan(0);
      expect(definition.options.removeOnComplete).toBeDefined();
    }
  });
});
