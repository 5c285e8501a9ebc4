/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  // jose 6 and cookie 1 ship ESM only; swc turns them into CommonJS for Jest (store auth, fastify inject).
  transformIgnorePatterns: ["/node_modules/(?!(jose|cookie)/)"],
  moduleNameMapper: {
    // office-addin-mock pulls an ESM-only dependency that Jest cannot load; it is not used by the mock.
    "^office-addin-manifest$": "<rootDir>/test/support/officeAddinManifestStub.js",
  },
  testTimeout: 30000,
  // The default output, then the suites skipped for want of Chromium or LibreOffice and how to get them.
  reporters: ["default", "<rootDir>/test/support/skippedSuitesReporter.js"],
  // Store tests share one PostgreSQL server; each file uses its own schema.
  maxWorkers: 2,
};
