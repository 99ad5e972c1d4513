import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A redis-server of a suite's own, for suites that stop and restart Redis (outages, reconnects)
 * without disturbing the shared server the other suites use.
 */
export interface PrivateRedis {
  /** `redis://127.0.0.1:<port>`; stays the same across stop() and start(). */
  url: string;
  port: number;
  /** Stops the server (SIGTERM, SIGKILL if it lingers) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it answers PING. Empty: nothing is saved. */
  start(): Promise<void>;
  /** Stops it for good and removes its working directory. */
  close(): Promise<void>;
}

const FALLBACK_BINARY = '/usr/bin/redis-server';
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

function redisServerBinary(): string {
  try {
    const found = execFileSync('which', ['redis-server'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // `which` exits non-zero when the binary is not on PATH.
  }
  if (existsSync(FALLBACK_BINARY)) return FALLBACK_BINARY;
  throw new Error(
    `redis-server binary not found (not on PATH, no ${FALLBACK_BINARY}): install Redis to run suites that start their own Redis`,
  );
}

/** A port the kernel considers free right now (released again before redis-server binds it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Whether a server on the port answers PING with PONG (raw RESP, so no client retries). */
function ping(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const binary = redisServerBinary();
  const port = await freePort();
  // Nothing should be written, but a working directory of its own keeps any stray dump out of
  // the checkout.
  const dir = mkdtempSync(join(tmpdir(), 'tn-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--maxmemory-policy',
    'noeviction',
    '--dir',
    dir,
    '--daemonize',
    'no',
  ];
  let child: ChildProcess | undefined;
  // A server left running by a suite that forgot close() must not outlive the test process.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  async function start(): Promise<void> {
    if (child && !exited(child)) return;
    const proc = spawn(binary, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const spawnError = new Promise<Error>((resolve) => proc.once('error', resolve));
    let failure: Error | undefined;
    void spawnError.then((error) => (failure = error));

    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const answered = await ping(port);
      if (failure) throw new Error(`could not start ${binary}: ${failure.message}`);
      // Checked after PING too: if the port was taken meanwhile, whoever answered is not ours.
      if (exited(proc)) {
        throw new Error(`${binary} exited on port ${port} before answering PING:\n${output}`);
      }
      if (answered) return;
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(
          `${binary} did not answer PING on port ${port} within ${READY_TIMEOUT_MS} ms:\n${output}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function stop(): Promise<void> {
    const proc = child;
    // No pid: it never started (the spawn failed), so there is nothing to wait for.
    if (!proc || proc.pid === undefined || exited(proc)) return;
    const exit = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exit;
    clearTimeout(timer);
  }

  const close = async () => {
    await stop();
    process.off('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await start();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    close,
  };
}
