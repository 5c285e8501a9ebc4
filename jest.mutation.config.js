// Jest as Stryker runs it: the core's own suites only (test/core), which is what the mutation
// score of src/core measures.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = { ...base, roots: ["<rootDir>/test/core"], maxWorkers: 1 };
