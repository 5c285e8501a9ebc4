#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx cadence …` works from a checkout without a build step.
// It calls main itself: npx starts this file through a shim whose name (node_modules/.bin/cadence) says
// nothing about what it runs, so the CLI must not guess from process.argv[1] whether it was started.
const path = require("node:path");
require("tsx/cjs");
const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `cadence: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
