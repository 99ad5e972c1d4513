import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema } from './env-schema';
import { loadConfig, projectRoot } from './load-config';

describe('loadConfig', () => {
  it('should fit a developer machine when nothing is set', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/training_nominations');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.API_PORT).toBe(3000);
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('should parse typed values', () => {
    const config = loadConfig({
      API_PORT: '8080',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      QUEUE_BACKEND: 'postgres',
    });
    expect(config.API_PORT).toBe(8080);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.QUEUE_BACKEND).toBe('postgres');
  });

  it.each([
    ['API_PORT', '70000', 'API_PORT is invalid: expected an integer from 1 to 65535, got "70000"'],
    [
      'DATABASE_URL',
      'mysql://x',
      'DATABASE_URL is invalid: expected a postgres:// URL, got "mysql://x"',
    ],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL is invalid'],
    ['CORS_ORIGINS', 'not a url', 'CORS_ORIGINS is invalid'],
  ])('should name %s and what is expected when it is %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('should not echo a password from a bad URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@host' })).toThrow(/\*\*\*/);
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@host' })).not.toThrow(/secret/);
  });

  describe('in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-32-bytes!',
    };

    it('should start with a secret of its own of 32 bytes or more', () => {
      expect(loadConfig(production).JWT_SECRET).toBe(production.JWT_SECRET);
    });

    it('should refuse to start without a JWT secret', () => {
      expect(() => loadConfig({ ...production, JWT_SECRET: '' })).toThrow('JWT_SECRET is missing');
    });

    it('should refuse to start with the development JWT secret', () => {
      const development = loadConfig({ NODE_ENV: 'development' }).JWT_SECRET;
      expect(() => loadConfig({ ...production, JWT_SECRET: development })).toThrow(
        'JWT_SECRET is invalid: the development secret',
      );
    });

    it('should refuse a JWT secret shorter than 32 bytes, and say so without echoing it', () => {
      const short = 'x'.repeat(31);
      expect(() => loadConfig({ ...production, JWT_SECRET: short })).toThrow(
        'JWT_SECRET is invalid: expected a string of at least 32 bytes',
      );
      expect(() => loadConfig({ ...production, JWT_SECRET: short })).not.toThrow(short);
      // Counted in bytes, as the HMAC key is: 11 letters with diacritics are 33 bytes.
      expect(loadConfig({ ...production, JWT_SECRET: 'ắ'.repeat(11) }).JWT_SECRET).toBe(
        'ắ'.repeat(11),
      );
    });
  });

  it('should serve the web application from dist/web of the project unless told otherwise', () => {
    const root = join(__dirname, '../../..');
    expect(loadConfig({}).WEB_DIST_DIR).toBe(join(root, 'dist/web'));
    expect(loadConfig({ WEB_DIST_DIR: 'build/web' }).WEB_DIST_DIR).toBe(join(root, 'build/web'));
    expect(loadConfig({ WEB_DIST_DIR: '/srv/web' }).WEB_DIST_DIR).toBe('/srv/web');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).WEB_DIST_DIR).toBe(
      join(root, 'dist/web'),
    );
  });

  it('should find the project from compiled code under dist/ too', () => {
    const root = join(__dirname, '../../..');
    expect(projectRoot(join(root, 'dist/libs/config/src'))).toBe(root);
    expect(projectRoot(__dirname)).toBe(root);
  });

  it('should return a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});

describe('the documented configuration', () => {
  const root = join(__dirname, '../../..');
  const names = Object.keys(envSchema);

  it('should list every variable in .env.example', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const listed = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual(expect.arrayContaining(names.sort()));
  });

  it('should describe every variable in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const name of names) expect(readme).toContain(`\`${name}\``);
  });

  it('should give the defaults the schema has, in .env.example and the README table', () => {
    const defaults = Object.fromEntries(
      Object.entries(envSchema).map(([name, spec]) => [name, spec.default]),
    );
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const inExample = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map(([, name, value]) => [
      name,
      value,
    ]);
    expect(inExample).toEqual(inExample.map(([name]) => [name, defaults[name]]));
    // Rows whose default is one literal value, e.g. | `API_PORT` | `3000` | ... |
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const inReadme = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` +\| `([^`|]*)` +\|/gm)].map(
      ([, name, value]) => [name, value],
    );
    expect(inReadme.length).toBeGreaterThan(20);
    expect(inReadme).toEqual(inReadme.map(([name]) => [name, defaults[name]]));
  });
});
