/* Integration tests: the Nest app in-process against a real PostgreSQL, one database per test file. */
module.exports = {
  displayName: 'api-int',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.int.json' }] },
  moduleNameMapper: { '^@allmende/(.*)$': '<rootDir>/../../libs/$1/src/index.ts' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
};
