// A Jest reporter that ends the run by naming the suites skipped for want of a program (Chromium,
// LibreOffice) and the apt-get line that enables them. Suites leave a note through
// test/support/externalTools.ts in the folder this reporter names in CADENCE_SKIPPED_SUITES_DIR
// (set before the workers start, so they inherit it).
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const SKIPPED_DIR_ENV = "CADENCE_SKIPPED_SUITES_DIR";

/** The closing lines for these notes ({ suite, tool, apt }), or "" when nothing was skipped. */
function formatSkipped(notes) {
  if (notes.length === 0) return "";
  const sorted = [...notes].sort((a, b) => a.suite.localeCompare(b.suite));
  const lines = ["", `Not run: ${sorted.length} suite(s) need a program this machine does not have:`];
  for (const n of sorted) lines.push(`  ${n.suite}  (needs ${n.tool})`);
  const packages = [...new Set(sorted.map((n) => n.apt))].sort();
  lines.push(`Install them to run the full suite: sudo apt-get install -y ${packages.join(" ")}`, "");
  return lines.join("\n");
}

function readNotes(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
}

class SkippedSuitesReporter {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "cadence-skipped-"));
    process.env[SKIPPED_DIR_ENV] = this.dir;
  }

  onRunComplete() {
    const text = formatSkipped(readNotes(this.dir));
    if (text !== "") process.stderr.write(`${text}\n`);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = SkippedSuitesReporter;
module.exports.formatSkipped = formatSkipped;
module.exports.readNotes = readNotes;
