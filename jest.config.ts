import type { Config } from 'jest';

/**
 * Unit tests of every project: each project's own `jest.config.cts`.
 * Integration and end-to-end suites have their own configurations
 * (`jest.int.config.cts`, `jest.e2e.config.cts`) and run from `npm test`.
 */
const config: Config = {
  projects: ['<rootDir>/{apps,libs}/*/jest.config.cts'],
};

export default config;
