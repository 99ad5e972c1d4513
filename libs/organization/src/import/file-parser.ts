import { DomainError } from '@app/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportKind } from './columns';
import { ImportLimits, spreadsheetTooLarge } from './limits';
import type { ParseMessage, ParseRequest } from './parse-file';
import type { ParsedFile, ParsedRow } from './rows';

export interface FileParserOptions {
  limits: ImportLimits;
  /** Heap of one parsing thread, in MiB; a file that needs more is refused. */
  memoryMb: number;
  /** Files parsed at once; others wait their turn. */
  concurrency: number;
}

/**
 * The compiled thread script. Beside this file once built; when this file runs as
 * TypeScript (the test runner), the build's copy in dist/.
 */
function workerScript(): string {
  const beside = join(__dirname, 'parse.worker.js');
  if (existsSync(beside)) return beside;
  return join(__dirname, '../../../../dist/libs/organization/src/import/parse.worker.js');
}

/**
 * Parses imported files off the request thread, each in a worker thread of its own with a
 * bounded heap, so that a large or hostile file costs a bounded amount of memory, never
 * holds up other requests, and leaves nothing behind: the thread ends with its parse.
 */
export class FileParser {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: FileParserOptions) {}

  get limits(): ImportLimits {
    return this.options.limits;
  }

  /** Parses `file`; its memory is handed to the thread and must not be used afterwards. */
  async parse(kind: ImportKind, file: Buffer, filename?: string): Promise<ParsedFile> {
    await this.turn();
    try {
      return await this.inThread({ kind, file: transferable(file), filename, limits: this.limits });
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async turn(): Promise<void> {
    if (this.running >= this.options.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
  }

  private inThread(request: ParseRequest): Promise<ParsedFile> {
    const memoryMb = this.options.memoryMb;
    const worker = new Worker(workerScript(), {
      resourceLimits: {
        maxOldGenerationSizeMb: memoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.floor(memoryMb / 8)),
      },
    });
    const rows: ParsedRow[] = [];
    return new Promise<ParsedFile>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        outcome();
      };
      worker.on('message', (message: ParseMessage) => {
        switch (message.type) {
          case 'rows':
            for (const row of message.rows) rows.push(row);
            return;
          case 'done':
            return settle(() =>
              resolve({
                rows,
                columns: message.columns,
                errors: message.errors,
                errorCount: message.errorCount,
              }),
            );
          case 'refused':
            return settle(() =>
              reject(new DomainError(message.code, message.kind, message.message, message.details)),
            );
          case 'failed':
            return settle(() => reject(new Error(`Import parsing failed: ${message.message}`)));
        }
      });
      worker.on('error', (error: Error & { code?: string }) =>
        settle(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? spreadsheetTooLarge(
                  `Reading the file needs more than the ${memoryMb} MB an import may use; split it into smaller files.`,
                )
              : error,
          ),
        ),
      );
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`The import parser stopped (exit code ${code}).`))),
      );
      worker.postMessage(request, [request.file.buffer as ArrayBuffer]);
    });
  }
}

/** The file's bytes in memory of their own, so that they can move to the thread uncopied. */
function transferable(file: Buffer): Uint8Array {
  const owned = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
  return owned ? new Uint8Array(file.buffer, 0, file.byteLength) : new Uint8Array(file);
}
