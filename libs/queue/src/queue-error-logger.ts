import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueName } from './jobs';

// A backend that is down reports an error on every reconnect attempt; say it once a minute.
const REPEAT_AFTER_MS = 60_000;

/** Logs queue connection errors (rate-limited) instead of letting them reach the console. */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queue');
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QueueName)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error) => this.report(name, error));
    }
  }

  private report(queue: string, error: Error): void {
    const key = `${queue}:${error.message}`;
    const now = Date.now();
    if (now - (this.lastLogged.get(key) ?? 0) < REPEAT_AFTER_MS) return;
    this.lastLogged.set(key, now);
    this.logger.warn(`Queue "${queue}" backend error: ${error.message}`);
  }
}
