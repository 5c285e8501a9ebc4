#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx cadence …` works from a checkout without a build step.
const path = require("node:path");
require("tsx/cjs");
require(path.join(__dirname, "..", "src", "cli", "main.ts"));
