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
  return join(__dirname, '../../../dist/libs/imports/src/parse.worker.js');
}

/**
 * Parses imported files off the request thread, each in a worker thread of its own with a
 * bounded heap, so that a large or hostile file costs a bounded amount of memory, never
 * holds up other requests, and leaves nothing behind: the thread ends with its parse.
 * Loading the spreadsheet libraries takes a thread a noticeable time, so once imports are
 * used one loaded thread waits for the next file (about 10 MB).
 */
export class FileParser {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private spare?: Worker;
  private closed = false;

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
      // Started only now, so that it does not compete for the CPU with the parse.
      this.prepareSpare();
    }
  }

  private async turn(): Promise<void> {
    if (this.running >= this.options.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
  }

  /** Ends the waiting thread; parses under way finish. */
  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = undefined;
    await spare?.terminate();
  }

  private spawn(): Worker {
    return new Worker(workerScript(), {
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.memoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.floor(this.options.memoryMb / 8)),
      },
    });
  }

  /** The waiting thread, or a new one. */
  private takeThread(): Worker {
    const worker = this.spare ?? this.spawn();
    this.spare = undefined;
    worker.removeAllListeners('error').removeAllListeners('exit');
    worker.ref();
    return worker;
  }

  /** A loaded thread to wait for the next file. */
  private prepareSpare(): void {
    if (this.spare || this.closed) return;
    const spare = this.spawn();
    // A waiting thread keeps no process alive, and one that fails is simply not used.
    spare.unref();
    const discard = () => {
      if (this.spare === spare) this.spare = undefined;
      void spare.terminate();
    };
    spare.once('error', discard).once('exit', discard);
    this.spare = spare;
  }

  private inThread(request: ParseRequest): Promise<ParsedFile> {
    const memoryMb = this.options.memoryMb;
    const worker = this.takeThread();
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
