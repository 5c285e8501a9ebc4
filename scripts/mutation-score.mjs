// Adds up the mutation reports in reports/mutation/*.json (one per `npm run mutation` part) and
// prints the score per file and overall: killed + timed out over every mutant that ran
// (Stryker's "mutation score"; "no coverage" mutants count as survivors).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = "reports/mutation";
const files = new Map();
for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
  const report = JSON.parse(readFileSync(join(dir, name), "utf8"));
  for (const [path, file] of Object.entries(report.files)) files.set(path, file.mutants);
}
const DETECTED = new Set(["Killed", "Timeout"]);
const COUNTED = new Set(["Killed", "Timeout", "Survived", "NoCoverage"]);
let detected = 0;
let counted = 0;
for (const [path, mutants] of [...files].sort()) {
  const d = mutants.filter((m) => DETECTED.has(m.status)).length;
  const c = mutants.filter((m) => COUNTED.has(m.status)).length;
  detected += d;
  counted += c;
  const survivors = mutants
    .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
    .map((m) => `${m.location.start.line}:${m.mutatorName}`);
  console.log(`${path}: ${d}/${c}${survivors.length > 0 ? `  survivors ${survivors.join(" ")}` : ""}`);
}
console.log(
  `score: ${counted === 0 ? "n/a" : ((100 * detected) / counted).toFixed(2)} % (${detected}/${counted})`,
);
