// Unit tests sit beside the code (libs/…/*.spec.ts); end-to-end tests in test/ use the real services.
const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
};

const RESILIENCE = ['/test/notify-crash.e2e-spec.ts', '/test/notify-redis-down.e2e-spec.ts', '/test/scale-out.e2e-spec.ts'];

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: RESILIENCE,
      moduleNameMapper,
      transform,
    },
    {
      // Tests that kill a worker or stop Redis and time the recovery, or run the product as several
      // processes (two apis and two workers): run on their own
      // (`npm run test:resilience`, after the rest in .ci/run) so that other suites' load does not
      // decide whether the recovery looks slow.
      displayName: 'resilience',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: RESILIENCE.map((p) => `<rootDir>${p}`),
      moduleNameMapper,
      transform,
    },
  ],
};
