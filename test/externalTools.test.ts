/**
 * Suites that need Chromium or LibreOffice: under CI=true a missing program fails the run; elsewhere the
 * suite is skipped and the run ends by naming it with the apt-get line (test/support/externalTools.ts,
 * test/support/skippedSuitesReporter.js). The last two tests run Jest itself on the LibreOffice suite
 * with a PATH that has no soffice, as a machine without LibreOffice would.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ExternalTool, SkippedSuite } from "./support/externalTools";
import { findTool, LIBREOFFICE_TOOL, requireTool, SKIPPED_DIR_ENV } from "./support/externalTools";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the reporter is CommonJS, as Jest loads it
const reporter = require("./support/skippedSuitesReporter.js") as {
  formatSkipped: (notes: SkippedSuite[]) => string;
  readNotes: (dir: string) => SkippedSuite[];
};

const ROOT = path.resolve(__dirname, "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "cadence-tools-"));
const binDir = path.join(tmp, "bin");
const fake: ExternalTool = { name: "Fake Office", candidates: ["fake-office"], apt: "fake-office-pkg" };
const suite = path.join(ROOT, "test", "cli", "example.test.ts");

/** A PATH with node and nothing else, as on a machine without LibreOffice. */
const nodeOnly = path.join(tmp, "node-only");

beforeAll(() => {
  mkdirSync(nodeOnly, { recursive: true });
  symlinkSync(process.execPath, path.join(nodeOnly, "node"));
  mkdirSync(binDir, { recursive: true });
  writeFileSync(path.join(binDir, "fake-office"), "#!/bin/sh\n");
  chmodSync(path.join(binDir, "fake-office"), 0o755);
});

describe("findTool and requireTool", () => {
  it("finds a command on PATH and an absolute path that exists", () => {
    expect(findTool(fake, { PATH: `/nowhere${path.delimiter}${binDir}` })).toBe(
      path.join(binDir, "fake-office"),
    );
    expect(findTool({ ...fake, candidates: [path.join(binDir, "fake-office")] }, { PATH: "" })).toBe(
      path.join(binDir, "fake-office"),
    );
    expect(findTool(fake, { PATH: "/nowhere" })).toBeUndefined();
  });

  it("fails under CI=true when the program is missing, naming it and the apt-get line", () => {
    expect(() => requireTool(suite, fake, { PATH: "/nowhere", CI: "true" })).toThrow(
      /Fake Office not found \(looked for fake-office\).*sudo apt-get install -y fake-office-pkg/,
    );
    expect(requireTool(suite, fake, { PATH: binDir, CI: "true" })).toBe(path.join(binDir, "fake-office"));
  });

  it("elsewhere skips and leaves a note the reporter prints at the end of the run", () => {
    const dir = path.join(tmp, "notes");
    expect(requireTool(suite, fake, { PATH: "/nowhere", [SKIPPED_DIR_ENV]: dir })).toBeUndefined();
    const notes = reporter.readNotes(dir);
    expect(notes).toEqual([
      {
        suite: path.join("test", "cli", "example.test.ts"),
        tool: "Fake Office",
        looked: ["fake-office"],
        apt: "fake-office-pkg",
      },
    ]);
    const text = reporter.formatSkipped([
      ...notes,
      { suite: "test/a.test.ts", tool: "Chromium", looked: [], apt: "chromium" },
    ]);
    expect(text).toMatch(/Not run: 2 suite\(s\)/);
    expect(text).toMatch(/test\/a\.test\.ts {2}\(needs Chromium\)/);
    expect(text).toMatch(/sudo apt-get install -y chromium fake-office-pkg/);
    expect(reporter.formatSkipped([])).toBe("");
  });
});

/** Jest on the LibreOffice suite's round-trip tests, with no soffice on PATH. */
function jestWithoutLibreOffice(ci: boolean): { code: number | null; err: string } {
  const { CI: _ci, [SKIPPED_DIR_ENV]: _dir, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, PATH: nodeOnly, ...(ci ? { CI: "true" } : {}) };
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/jest/bin/jest.js"),
      "test/cli/template.test.ts",
      "-t",
      "survives LibreOffice",
    ],
    { cwd: ROOT, env, encoding: "utf8", timeout: 240_000 },
  );
  return { code: r.status, err: r.stderr };
}

describe("a run without LibreOffice", () => {
  it("locally: passes, and ends by naming the skipped suite and the apt-get line", () => {
    expect(findTool(LIBREOFFICE_TOOL, { PATH: nodeOnly })).toBeUndefined();
    const r = jestWithoutLibreOffice(false);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Not run: 1 suite\(s\) need a program/);
    expect(r.err).toContain(`${path.join("test", "cli", "template.test.ts")}  (needs LibreOffice)`);
    expect(r.err).toContain("sudo apt-get install -y libreoffice-calc");
  }, 240_000);

  it("under CI=true: fails", () => {
    const r = jestWithoutLibreOffice(true);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/LibreOffice not found .*sudo apt-get install -y libreoffice-calc/);
    expect(r.err).not.toMatch(/Not run:/);
  }, 240_000);
});
