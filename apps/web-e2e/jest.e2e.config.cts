/* Browser tests: Playwright (playwright-core) drives Debian's Chromium against the built app. */
module.exports = {
  displayName: 'web-e2e',
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
