/**
 * Tests that need the built add-in (manifest resources, browser tests) call ensureBuild(): it runs the
 * production webpack build once, when dist/ is missing or older than the sources, under a lock so
 * parallel Jest workers build it only once.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
const STAMP = path.join(DIST, ".build-stamp");
const LOCK = path.join(ROOT, ".cache", "build.lock");

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isFresh(): boolean {
  if (!existsSync(STAMP)) return false;
  const sources = ["src", "assets", "manifest.xml", "webpack.config.js", "scripts"].map((p) =>
    path.join(ROOT, p),
  );
  const newest = Math.max(...sources.filter(existsSync).map(newestMtime));
  return statSync(STAMP).mtimeMs >= newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuild(): void {
  if (isFresh()) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building; a lock older than 10 minutes is a leftover of a killed run.
      if (Date.now() - statSync(LOCK).mtimeMs > 600_000) rmSync(LOCK, { recursive: true, force: true });
      sleep(500);
      if (isFresh()) return;
    }
  }
  try {
    if (isFresh()) return;
    // The stamp carries the build's start time: a source saved during the build makes dist/ stale.
    const started = new Date();
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
      {
        cwd: ROOT,
        stdio: "pipe",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    writeFileSync(STAMP, started.toISOString());
    utimesSync(STAMP, started, started);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
