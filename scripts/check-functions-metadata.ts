/** CI check: dist/functions.json (and functions-fr.json) are valid and list every custom function in src/functions. */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import {
  declaredCustomFunctions,
  validateFunctionsMetadata,
  type FunctionsMetadata,
} from "./functions-metadata";

const root = path.resolve(__dirname, "..");
const sourceDir = path.join(root, "src", "functions");
const declared = readdirSync(sourceDir)
  .filter((f) => f.endsWith(".ts"))
  .flatMap((f) => declaredCustomFunctions(readFileSync(path.join(sourceDir, f), "utf8")));

let failed = false;
for (const file of ["functions.json", "functions-fr.json"]) {
  const json: unknown = JSON.parse(readFileSync(path.join(root, "dist", file), "utf8"));
  const problems = validateFunctionsMetadata(json);
  const listed = new Set((json as FunctionsMetadata).functions.map((f) => f.id.toUpperCase()));
  for (const d of declared) if (!listed.has(d.id)) problems.push(`${d.id} (${d.functionName}) is not listed`);
  if (declared.length === 0) problems.push("no @customfunction found in src/functions");
  if (problems.length > 0) {
    failed = true;
    console.error(`${file}: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
  } else {
    console.log(`${file}: valid, ${listed.size} functions, all ${declared.length} declared functions listed`);
  }
}
process.exitCode = failed ? 1 : 0;
