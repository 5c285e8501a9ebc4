/**
 * The shared runtime page's start-up JavaScript stays within 300 KB gzipped (issue 5 §4, issue 12 §13),
 * measured on the production build by scripts/check-bundle-size.ts; plus the script-tag reading on small pages.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  BUDGET_BYTES,
  CALENDAR_PACKAGES,
  packagesIn,
  BundleCheckError,
  formatReport,
  measureBundle,
  scriptSources,
} from "../../scripts/check-bundle-size";
import { DIST, ensureBuild } from "../support/build";

describe("scriptSources", () => {
  it("reads quoted and unquoted src attributes in order, and skips inline scripts", () => {
    const html =
      '<script src=office-js/office.js></script><script>var x=1</script><script defer src="a.js"></script>' +
      "<script defer='defer' src='b.js?v=1'></script>";
    expect(scriptSources(html)).toEqual(["office-js/office.js", "a.js", "b.js?v=1"]);
  });
});

describe("measureBundle on a small dist", () => {
  const dist = mkdtempSync(path.join(os.tmpdir(), "cadence-bundle-"));
  writeFileSync(path.join(dist, "a.js"), "x".repeat(10_000));
  writeFileSync(path.join(dist, "b.js"), "console.log(1)");

  it("sums the gzip sizes of the page's own scripts and lists external ones", () => {
    writeFileSync(
      path.join(dist, "p.html"),
      '<script src="https://cdn.example/office.js"></script><script defer src=a.js></script><script defer src=b.js></script>',
    );
    const report = measureBundle(dist, "p.html", 1000);
    expect(report.scripts.map((s) => s.src)).toEqual(["a.js", "b.js"]);
    expect(report.external).toEqual(["https://cdn.example/office.js"]);
    expect(report.totalGzipBytes).toBe(report.scripts[0].gzipBytes + report.scripts[1].gzipBytes);
    expect(report.scripts[0].gzipBytes).toBeLessThan(report.scripts[0].bytes);
    expect(report.withinBudget).toBe(true);
    expect(measureBundle(dist, "p.html", 10).withinBudget).toBe(false);
    expect(formatReport(measureBundle(dist, "p.html", 10))).toMatch(/OVER the budget/);
  });

  it("names the missing file when the page loads a script that is not there", () => {
    writeFileSync(path.join(dist, "q.html"), "<script src=missing.js></script>");
    expect(() => measureBundle(dist, "q.html")).toThrow(BundleCheckError);
    expect(() => measureBundle(dist, "q.html")).toThrow(/missing\.js/);
  });
});

describe("the production shared runtime page (taskpane.html)", () => {
  beforeAll(() => {
    ensureBuild();
  }, 300_000);

  it("loads at most 300 KB of gzipped JavaScript at start-up, task pane, commands and functions together", () => {
    const report = measureBundle(DIST);
    console.log(formatReport(report));
    expect(report.page).toBe("taskpane.html");
    const entries = report.scripts.map((s) => s.src);
    for (const entry of ["taskpane.js", "commands.js", "functions.js"]) expect(entries).toContain(entry);
    expect(report.totalGzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("starts without the holiday calendar, which a chunk of its own holds for the first function that needs it", () => {
    const startup = new Set(measureBundle(DIST).scripts.flatMap((s) => [...packagesIn(DIST, s.src)]));
    expect(CALENDAR_PACKAGES.filter((p) => startup.has(p))).toEqual([]);
    const lazy = readdirSync(DIST)
      .filter((f) => f.endsWith(".js") && existsSync(path.join(DIST, `${f}.map`)))
      .flatMap((f) => [...packagesIn(DIST, f)]);
    expect(CALENDAR_PACKAGES.filter((p) => !lazy.includes(p))).toEqual([]);
  });
});
