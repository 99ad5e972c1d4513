/**
 * Every environment variable the system reads, with its parser, default and meaning.
 * `.env.example` and the README's configuration table are checked against this list.
 */
export interface VariableSpec<T> {
  description: string;
  /** Shown in error messages: what a valid value looks like. */
  expected: string;
  default?: string;
  parse(raw: string): T | undefined;
}

const integer = (min: number, max: number) => (raw: string) => {
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
};

const oneOf =
  <T extends string>(...values: T[]) =>
  (raw: string) =>
    (values as string[]).includes(raw) ? (raw as T) : undefined;

const url = (protocols: string[]) => (raw: string) => {
  try {
    const parsed = new URL(raw);
    return protocols.includes(parsed.protocol) ? raw : undefined;
  } catch {
    return undefined;
  }
};

const list = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const spec = <T>(s: VariableSpec<T>) => s;

export const envSchema = {
  NODE_ENV: spec({
    description: 'Runtime environment: development, test or production.',
    expected: 'one of development, test, production',
    default: 'development',
    parse: oneOf('development', 'test', 'production'),
  }),
  DATABASE_URL: spec({
    description: 'Postgres connection URL of the application database.',
    expected: 'a postgres:// URL',
    default: 'postgres://postgres@127.0.0.1:5432/training_nominations',
    parse: url(['postgres:', 'postgresql:']),
  }),
  DATABASE_POOL_SIZE: spec({
    description: 'Maximum Postgres connections per process.',
    expected: 'an integer from 1 to 200',
    default: '10',
    parse: integer(1, 200),
  }),
  DATABASE_CONNECT_TIMEOUT_MS: spec({
    description: 'How long to wait for a Postgres connection before giving up.',
    expected: 'an integer from 100 to 60000',
    default: '5000',
    parse: integer(100, 60000),
  }),
  REDIS_URL: spec({
    description: 'Redis connection URL used by the job queues.',
    expected: 'a redis:// or rediss:// URL',
    default: 'redis://127.0.0.1:6379',
    parse: url(['redis:', 'rediss:']),
  }),
  QUEUE_BACKEND: spec({
    description:
      'Where the job queues live: redis (production, tests) or postgres (the embedded development mode).',
    expected: 'redis or postgres',
    default: 'redis',
    parse: oneOf('redis', 'postgres'),
  }),
  QUEUE_PREFIX: spec({
    description: 'Key prefix of every queue, so several installations can share one Redis.',
    expected: 'letters, digits, "_" or "-" (1 to 40)',
    default: 'tn',
    parse: (raw: string) => (/^[A-Za-z0-9_-]{1,40}$/.test(raw) ? raw : undefined),
  }),
  API_HOST: spec({
    description: 'Interface the HTTP API listens on (0.0.0.0 in containers).',
    expected: 'a host name or IP address',
    default: '127.0.0.1',
    parse: (raw: string) => (/^[A-Za-z0-9.:_-]+$/.test(raw) ? raw : undefined),
  }),
  API_PORT: spec({
    description: 'Port of the HTTP API.',
    expected: 'an integer from 1 to 65535',
    default: '3000',
    parse: integer(1, 65535),
  }),
  API_BODY_LIMIT_BYTES: spec({
    description: 'Largest request body accepted; larger ones get 413 PAYLOAD_TOO_LARGE.',
    expected: 'an integer from 1024 to 104857600',
    default: '1048576',
    parse: integer(1024, 104857600),
  }),
  CORS_ORIGINS: spec({
    description:
      'Comma-separated origins allowed to call the API from a browser; empty disables CORS.',
    expected: 'a comma-separated list of http(s) origins',
    default: '',
    parse: (raw: string) => {
      const origins = list(raw);
      return origins.every((origin) => url(['http:', 'https:'])(origin)) ? origins : undefined;
    },
  }),
  IMPORT_MAX_UNZIPPED_BYTES: spec({
    description:
      'Bytes an imported XLSX workbook may expand to (the parts read, together); more is 422 SPREADSHEET_TOO_LARGE.',
    expected: 'an integer from 1024 to 1073741824',
    default: '104857600',
    parse: integer(1024, 1073741824),
  }),
  IMPORT_MAX_ROWS: spec({
    description: 'Data rows (not blank) an imported file may have; more is 422 TOO_MANY_ROWS.',
    expected: 'an integer from 1 to 1000000',
    default: '50000',
    parse: integer(1, 1000000),
  }),
  IMPORT_MAX_CELLS: spec({
    description:
      'Non-empty cells an imported file may have, the header included; more is 422 TOO_MANY_CELLS.',
    expected: 'an integer from 1 to 20000000',
    default: '1000000',
    parse: integer(1, 20000000),
  }),
  IMPORT_MAX_ERRORS: spec({
    description: 'Row errors listed in a 422 IMPORT_INVALID answer; `errorCount` gives the total.',
    expected: 'an integer from 1 to 100000',
    default: '1000',
    parse: integer(1, 100000),
  }),
  IMPORT_WORKER_MEMORY_MB: spec({
    description:
      'Heap (MiB) of the thread that parses one imported file; a file that needs more is 422 SPREADSHEET_TOO_LARGE.',
    expected: 'an integer from 16 to 4096',
    default: '96',
    parse: integer(16, 4096),
  }),
  IMPORT_CONCURRENCY: spec({
    description: 'Imported files parsed at once per API process; others wait their turn.',
    expected: 'an integer from 1 to 32',
    default: '2',
    parse: integer(1, 32),
  }),
  LOG_LEVEL: spec({
    description: 'Lowest level logged.',
    expected: 'one of fatal, error, warn, info, debug, trace, silent',
    default: 'info',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  }),
  LOG_FORMAT: spec({
    description: 'json (one JSON object per line) or pretty (coloured, for a terminal).',
    expected: 'json or pretty',
    default: 'json',
    parse: oneOf('json', 'pretty'),
  }),
  WORKER_HEALTH_HOST: spec({
    description: 'Interface of the worker’s internal health port.',
    expected: 'a host name or IP address',
    default: '127.0.0.1',
    parse: (raw: string) => (/^[A-Za-z0-9.:_-]+$/.test(raw) ? raw : undefined),
  }),
  WORKER_HEALTH_PORT: spec({
    description:
      'Internal port where the worker answers /health/live and /health/ready; 0 disables it.',
    expected: 'an integer from 0 to 65535',
    default: '3001',
    parse: integer(0, 65535),
  }),
  WORKER_CONCURRENCY: spec({
    description: 'Jobs each queue consumer runs at once.',
    expected: 'an integer from 1 to 100',
    default: '5',
    parse: integer(1, 100),
  }),
  WORKER_SCHEDULE_CHECK_MS: spec({
    description:
      'How often the worker checks that its recurring jobs are scheduled in the queue, and puts back any that are missing.',
    expected: 'an integer from 1000 to 3600000',
    default: '60000',
    parse: integer(1000, 3600000),
  }),
  SMTP_URL: spec({
    description:
      'SMTP server for notification emails, e.g. smtp://user:pass@mail.example.org:587 or smtps://… (port 465).',
    expected: 'an smtp:// or smtps:// URL',
    default: 'smtp://127.0.0.1:1025',
    parse: url(['smtp:', 'smtps:']),
  }),
  MAIL_FROM: spec({
    description: 'Sender of notification emails, as an address or "Name <address>".',
    expected: 'an email address, optionally with a display name',
    default: 'Đào tạo cán bộ <no-reply@example.org>',
    parse: (raw: string) =>
      /^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(raw) ? raw : undefined,
  }),
  APP_BASE_URL: spec({
    description: 'Base URL of the web application; notification links point below it.',
    expected: 'an http(s) URL',
    default: 'http://localhost:3000',
    parse: url(['http:', 'https:']),
  }),
  WEB_DIST_DIR: spec({
    description:
      'Directory of the built web application (index.html and assets/) that the API serves; empty means dist/web of the project. A relative path is taken from the project.',
    expected: 'a directory path',
    default: '',
    parse: (raw: string) => raw,
  }),
  REMINDER_WORKING_DAYS: spec({
    description:
      'Working days (Monday to Friday) a step may wait before its approvers get a reminder.',
    expected: 'an integer from 1 to 60',
    default: '3',
    parse: integer(1, 60),
  }),
  ESCALATION_WORKING_DAYS: spec({
    description:
      "Working days a step may wait before it is escalated to the authority's board members (more than REMINDER_WORKING_DAYS).",
    expected: 'an integer from 2 to 120',
    default: '5',
    parse: integer(2, 120),
  }),
  DELIVERY_ATTEMPTS: spec({
    description:
      'Attempts per email before it is marked failed (exponential backoff from 2 s); permanent SMTP rejections are not retried.',
    expected: 'an integer from 1 to 20',
    default: '8',
    parse: integer(1, 20),
  }),
  OUTBOX_POLL_MS: spec({
    description:
      'How often the worker looks for undispatched events when no notification wakes it.',
    expected: 'an integer from 100 to 60000',
    default: '1000',
    parse: integer(100, 60000),
  }),
  OUTBOX_BATCH_SIZE: spec({
    description: 'Events moved from the outbox to the queue per transaction.',
    expected: 'an integer from 1 to 1000',
    default: '100',
    parse: integer(1, 1000),
  }),
  SHUTDOWN_TIMEOUT_MS: spec({
    description:
      'On SIGTERM/SIGINT, how long in-flight requests and jobs may take before the process exits anyway.',
    expected: 'an integer from 1000 to 120000',
    default: '8000',
    parse: integer(1000, 120000),
  }),
  JWT_SECRET: spec({
    description:
      'Secret that signs access tokens (at least 32 bytes). Required in production, where the development secret is refused; development and tests use a fixed one.',
    expected: 'a string of at least 32 bytes',
    default: '',
    parse: (raw: string) => (raw === '' || Buffer.byteLength(raw, 'utf8') >= 32 ? raw : undefined),
  }),
  ACCESS_TOKEN_TTL_SECONDS: spec({
    description: 'Lifetime of an access token (JWT).',
    expected: 'an integer from 60 to 86400',
    default: '900',
    parse: integer(60, 86400),
  }),
  REFRESH_TOKEN_TTL_DAYS: spec({
    description: 'Lifetime of a refresh token; each use rotates it.',
    expected: 'an integer from 1 to 365',
    default: '14',
    parse: integer(1, 365),
  }),
  INVITATION_TTL_DAYS: spec({
    description: 'Days an invitation link stays valid before the user must be invited again.',
    expected: 'an integer from 1 to 90',
    default: '7',
    parse: integer(1, 90),
  }),
  ADMIN_EMAIL: spec({
    description:
      'The first administrator, created at start when no administrator exists. Development default: admin@example.org.',
    expected: 'an email address',
    default: '',
    parse: (raw: string) =>
      raw === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) ? raw : undefined,
  }),
  ADMIN_PASSWORD: spec({
    description:
      'Password of that first administrator (at least 12 characters). No default in production.',
    expected: 'a string of at least 12 characters',
    default: '',
    parse: (raw: string) => (raw === '' || raw.length >= 12 ? raw : undefined),
  }),
  LOGIN_MAX_FAILURES: spec({
    description:
      'Failed logins allowed per account and per client address within LOGIN_WINDOW_SECONDS before 429.',
    expected: 'an integer from 1 to 1000',
    default: '5',
    parse: integer(1, 1000),
  }),
  LOGIN_WINDOW_SECONDS: spec({
    description: 'The window over which failed logins are counted.',
    expected: 'an integer from 10 to 86400',
    default: '900',
    parse: integer(10, 86400),
  }),
  EMBEDDED: spec({
    description:
      '`npm start` only: auto (embedded Postgres and Postgres-backed queue when no server answers), always, or never.',
    expected: 'auto, always or never',
    default: 'auto',
    parse: oneOf('auto', 'always', 'never'),
  }),
  DATA_DIR: spec({
    description:
      '`npm start` only: directory (relative to the project) of the embedded Postgres data.',
    expected: 'a directory path',
    default: '.data',
    parse: (raw: string) => raw,
  }),
  EMBEDDED_PG_PORT: spec({
    description: '`npm start` only: port of the embedded Postgres.',
    expected: 'an integer from 1024 to 65535',
    default: '54329',
    parse: integer(1024, 65535),
  }),
};

export type EnvSchema = typeof envSchema;
export type EnvName = keyof EnvSchema;
export type Env = {
  [K in EnvName]: NonNullable<ReturnType<EnvSchema[K]['parse']>>;
};
