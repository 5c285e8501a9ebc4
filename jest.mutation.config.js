// Jest as Stryker runs it: the core's own suites (test/core), which is what the mutation score of
// src/core measures. MUTATION_TESTS=path,path narrows them (a quick run on a busy machine).
const base = require("./jest.config.js");

const only = (process.env.MUTATION_TESTS ?? "")
  .split(",")
  .map((p) => p.trim())
  .filter((p) => p !== "");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/test/core"],
  ...(only.length > 0 ? { testMatch: only.map((p) => `<rootDir>/${p}`) } : {}),
  maxWorkers: 1,
};
