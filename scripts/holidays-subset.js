// Writes (once per build) a date-holidays data module restricted to the countries Cadence supports, so the
// browser bundle does not carry every country's calendar. Node code (CLI, server, tests) keeps the full data.
const fs = require("node:fs");
const path = require("node:path");

/** Countries whose public holidays the add-in offers; others are reported as unknown by the calendar. */
const COUNTRIES = ["FR", "BE", "CH", "LU", "MC", "DE", "AT", "ES", "IT", "PT", "NL", "GB", "IE", "US", "CA"];

function holidaysSubsetModule() {
  const root = path.resolve(__dirname, "..");
  const full = JSON.parse(
    fs.readFileSync(path.join(root, "node_modules/date-holidays/data/holidays.json"), "utf8"),
  );
  const holidays = Object.fromEntries(
    COUNTRIES.filter((c) => full.holidays[c]).map((c) => [c, full.holidays[c]]),
  );
  const out = path.join(root, ".cache", "date-holidays-data.js");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `export const data = ${JSON.stringify({ ...full, holidays })};\n`);
  return out;
}

module.exports = { holidaysSubsetModule, COUNTRIES };
