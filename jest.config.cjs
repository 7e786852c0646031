// Tests run in a time zone west of UTC, so code that reads dates in local time fails here rather than in production.
process.env.TZ = 'America/Los_Angeles';

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/tests/support/esbuildTransform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
  // The scripts' run directories hold the emulator's unpacked function bundles: gigabytes Jest must not crawl.
  modulePathIgnorePatterns: ['<rootDir>/.run/', '<rootDir>/.serverless/', '<rootDir>/.esbuild/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...shared, displayName: 'invoke', testMatch: ['<rootDir>/tests/invoke/**/*.test.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'package',
      testMatch: ['<rootDir>/tests/package/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/package/globalSetup.ts',
    },
    {
      ...shared,
      displayName: 'reliability',
      testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/reliability/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/reliability/globalTeardown.ts',
    },
  ],
};
