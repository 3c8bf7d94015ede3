/** Jest in ESM mode (ky is ESM-only); TypeScript through ts-jest, type-checked separately by `tsc -p tests`. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tests/tsconfig.json' }] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/\\.tmp/', '/tests/fixtures/'],
  modulePathIgnorePatterns: ['<rootDir>/tests/\\.tmp/'],
  testTimeout: 180000,
  globalSetup: '<rootDir>/tests/setup/shared-builds.js',
  // most suites wait on child processes (tspc, npm, servers), so two workers use the two cores
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tests/helpers/skipped-browser-reporter.cjs'],
};
