import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Env, EnvName, envSchema } from './env-schema';

export type AppConfig = Readonly<Env>;

export class ConfigError extends Error {
  constructor(
    readonly variable: EnvName,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates every variable at once; the first bad one stops the process
 * with a single line that names it and says what is expected.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const values: Partial<Record<EnvName, unknown>> = {};
  for (const name of Object.keys(envSchema) as EnvName[]) {
    const variable = envSchema[name];
    const given = source[name];
    const raw = given === undefined || given === '' ? variable.default : given.trim();
    if (raw === undefined) {
      throw new ConfigError(name, `${name} is missing: expected ${variable.expected}`);
    }
    const parsed = variable.parse(raw);
    if (parsed === undefined) {
      throw new ConfigError(
        name,
        `${name} is invalid: expected ${variable.expected}, got ${JSON.stringify(redact(name, raw))}`,
      );
    }
    values[name] = parsed;
  }
  return Object.freeze(withEnvironmentDefaults(values as Env));
}

const DEVELOPMENT_JWT_SECRET = 'development-only-secret-never-use-in-production!';

/**
 * Secrets have no default in production: the process refuses to start without them, or
 * with the development JWT secret, which anyone can read here.
 * Development and tests get fixed, well-known values so that `npm start` just works.
 */
function withEnvironmentDefaults(parsed: Env): Env {
  const env = {
    ...parsed,
    WEB_DIST_DIR: resolve(projectRoot(), parsed.WEB_DIST_DIR || 'dist/web'),
  };
  if (env.ESCALATION_WORKING_DAYS <= env.REMINDER_WORKING_DAYS) {
    throw new ConfigError(
      'ESCALATION_WORKING_DAYS',
      `ESCALATION_WORKING_DAYS is invalid: expected more than REMINDER_WORKING_DAYS (${env.REMINDER_WORKING_DAYS}), got ${env.ESCALATION_WORKING_DAYS}`,
    );
  }
  if (env.NODE_ENV === 'production') {
    if (!env.JWT_SECRET) {
      throw new ConfigError(
        'JWT_SECRET',
        'JWT_SECRET is missing: expected a string of at least 32 bytes',
      );
    }
    if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      throw new ConfigError(
        'JWT_SECRET',
        'JWT_SECRET is invalid: the development secret is public and cannot sign tokens in production',
      );
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      throw new ConfigError(
        'ADMIN_PASSWORD',
        'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
      );
    }
    return env;
  }
  return {
    ...env,
    JWT_SECRET: env.JWT_SECRET || DEVELOPMENT_JWT_SECRET,
    ADMIN_EMAIL: env.ADMIN_EMAIL || 'admin@example.org',
    ADMIN_PASSWORD: env.ADMIN_PASSWORD || 'admin-password-dev',
  };
}

/**
 * The project's directory: the nearest one above this file with a package.json. The same
 * whether the code runs from source (tests) or compiled under dist/ (production, where the
 * image keeps package.json beside dist/).
 */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** Hides secrets, and passwords in URLs, so a bad value can be echoed safely. */
export function redact(name: string, raw: string): string {
  if (/SECRET|PASSWORD/.test(name)) return '***';
  if (!name.endsWith('_URL')) return raw;
  try {
    const parsed = new URL(raw);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return raw;
  }
}

/** For entry points: load the configuration or exit with one line on stderr. */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
