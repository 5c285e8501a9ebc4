/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in turn.
 * Each module exports `run(): Promise<void>` that prints its figures and ratios.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

interface BenchModule {
  run: () => Promise<void>;
}

async function mainBench(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    console.log(`\n=== ${file.replace(".bench.ts", "")} ===`);
    const mod = (await import(path.join(__dirname, file))) as BenchModule;
    await mod.run();
  }
}

void mainBench();
