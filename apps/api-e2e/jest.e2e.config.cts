/* API end-to-end tests: the built API runs as a process; tests talk HTTP to it. */
module.exports = {
  displayName: 'api-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@allmende/(.*)$': '<rootDir>/../../libs/$1/src/index.ts' },
  testTimeout: 120_000,
  maxWorkers: 1,
  // a leaked browser or server must never hang CI; processes are also killed on exit (e2e-support)
  forceExit: true,
};
