// Three projects: unit tests next to the code (*.spec.ts); medium suites in test/medium/
// (*.medium-spec.ts), services on a real Postgres database without the apps around them;
// end-to-end suites in test/ (*.e2e-spec.ts) against real Postgres, Redis and HTTP servers.
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.exclude;

// NestJS 12 and a few of its dependencies ship ES modules only; swc turns them into CommonJS.
const esmOnly = [
  '@nestjs',
  'uid',
  'load-esm',
  'file-type',
  'token-types',
  'strtok3',
  'nestjs-pino',
  '@tokenizer',
  '@apidevtools',
  'content-disposition',
  // @fastify/cookie loads the ES-module-only cookie package with import(), which jest's
  // CommonJS runtime cannot do: both are compiled to require().
  '@fastify/cookie',
  'cookie',
];

const shared = {
  transform: { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { ...swc, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@app/testing$': '<rootDir>/test/support',
    // Declared entry points besides a library's index (see tsconfig.json's paths).
    '^@app/([a-z-]+)/(vocabulary|demo|errors)$': '<rootDir>/libs/$1/src/$2',
    '^@app/(.*)$': '<rootDir>/libs/$1/src',
  },
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'medium',
      testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'],
      // The same global setup as e2e (jest runs it once): both copy its migrated template.
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
