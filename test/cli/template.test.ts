import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { runTemplate } from "../../src/cli/commands/template";
import { readPlanWorkbook } from "../../src/cli/xlsx/readPlan";
import { buildPlanWorkbook } from "../../src/cli/xlsx/template";
import * as schema from "../../src/core/workbook/schema";
import { LIBREOFFICE_TOOL, requireTool } from "../support/externalTools";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "cadence-template-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const tableRefs = (wb: ExcelJS.Workbook): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const ws of wb.worksheets) {
    const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    for (const [name, t] of Object.entries(tables)) out[name] = t.table.tableRef;
  }
  return out;
};

describe("cadence template", () => {
  it.each(["fr", "en"] as const)(
    "writes the plan workbook with %s headers, tables and the hidden schema",
    async (lang) => {
      const out = path.join(dir, "plan.xlsx");
      const stdout = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
      expect(await main(["template", "--lang", lang, "--out", out])).toBe(0);
      expect(stdout).toHaveBeenCalledWith(`${out}\n`);
      stdout.mockRestore();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const names = wb.worksheets.map((w) => w.name);
      for (const id of Object.keys(schema.SHEET_NAMES) as schema.SheetId[])
        expect(names).toContain(schema.SHEET_NAMES[id][lang]);
      expect(wb.getWorksheet(schema.SCHEMA_SHEET)!.state).toBe("hidden");
      expect(Object.keys(tableRefs(wb)).sort()).toEqual([
        "Actions",
        "Channels",
        "Clients",
        "Contacts",
        "Norms",
      ]);
      const clients = wb.getWorksheet(schema.SHEET_NAMES.clients[lang])!;
      expect(clients.getCell("A1").value).toBe(lang === "fr" ? "Code client" : "Client id");
      expect(clients.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      const segmentCol = schema.table("Clients").columns.findIndex((c) => c.id === "segment");
      const segmentCell = clients.getCell(2, segmentCol + 1);
      expect(segmentCell.dataValidation.type).toBe("list");
      expect(segmentCell.dataValidation.formulae[0]).toContain(lang === "fr" ? "Fidéliser" : "Retain");
      expect(
        clients.getColumn(schema.table("Clients").columns.findIndex((c) => c.id === "lastContact") + 1)
          .numFmt,
      ).toBe("yyyy-mm-dd");
    },
  );

  it("rejects bad arguments with exit 2 and leaves no file", async () => {
    const out = path.join(dir, "plan.xlsx");
    await expect(runTemplate({ lang: "de", out })).rejects.toThrow(/--lang must be fr or en/);
    await expect(runTemplate({ lang: "fr" })).rejects.toThrow(/--out/);
    await expect(runTemplate({ lang: "fr", out, year: "2026.5" })).rejects.toThrow(/--year must be a year/);
    await expect(runTemplate({ lang: "fr", out, year: "next" })).rejects.toThrow(/--year must be a year/);
    await expect(runTemplate({ lang: "fr", out: path.join(dir, "plan.csv") })).rejects.toThrow(/\.xlsx/);
    await expect(runTemplate({ lang: "fr", out: path.join(dir, "missing", "plan.xlsx") })).rejects.toThrow(
      /does not exist/,
    );
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await main(["template", "--lang", "xx", "--out", out])).toBe(2);
    stderr.mockRestore();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("sets the plan period to --year, or to the current year", async () => {
    const out = path.join(dir, "plan.xlsx");
    await runTemplate({ lang: "en", out, year: "2031" });
    const read = await readPlanWorkbook(out);
    expect([read.settings.Cadence_PeriodStart, read.settings.Cadence_PeriodEnd]).toEqual([
      "2031-01-01",
      "2031-12-31",
    ]);
    const now = new Date().getFullYear();
    const current = path.join(dir, "current.xlsx");
    await runTemplate({ lang: "fr", out: current });
    expect((await readPlanWorkbook(current)).settings.Cadence_PeriodStart).toBe(`${now}-01-01`);
  });

  it("reads back a template a rep filled, by column id, with settings", async () => {
    const wb = buildPlanWorkbook("fr", 2026);
    const ws = wb.getWorksheet("Clients")!;
    // The rep fills two clients and adds their own column at the right.
    ws.getRow(2).values = ["C001", "Boulangerie Martin", "67000", "Strasbourg", 1200, 1500, 5000];
    ws.getRow(3).values = ["C002", "Garage Dupont", "75011", "Paris", 0, 0, 20000];
    wb.getWorksheet("Contacts")!.getRow(2).values = [
      new Date("2026-03-02T00:00:00Z"),
      "C001",
      "visit",
      "ok",
      "crm",
    ];
    const file = path.join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(file);
    const read = await readPlanWorkbook(file);
    expect(read.lang).toBe("fr");
    expect(read.schemaVersion).toBe(schema.SCHEMA_VERSION);
    const clients = read.tables.Clients;
    expect(clients.columnIds.slice(0, 7)).toEqual([
      "id",
      "name",
      "postalCode",
      "city",
      "salesN1",
      "salesN",
      "potential",
    ]);
    expect(clients.grid).toHaveLength(3);
    expect(clients.grid[2].slice(0, 7)).toEqual(["C002", "Garage Dupont", "75011", "Paris", 0, 0, 20000]);
    expect(read.tables.Contacts.grid[1].slice(0, 3)).toEqual(["2026-03-02", "C001", "visit"]);
    expect(read.tables.Norms.grid).toHaveLength(6);
    expect(read.tables.Channels.grid[1]).toEqual(["visit", "Visite terrain", 1]);
    expect(read.settings.Cadence_PeriodStart).toBe("2026-01-01");
    expect(read.settings.Cadence_ProspectingShare).toBe(0.2);
  });

  it("reports an unreadable file as a CliError", async () => {
    await expect(readPlanWorkbook(path.join(dir, "nope.xlsx"))).rejects.toThrow(/not a readable \.xlsx/);
  });
});

const soffice = requireTool(__filename, LIBREOFFICE_TOOL);
const withOffice = soffice === undefined ? describe.skip : describe;

withOffice("the template survives LibreOffice", () => {
  it.each(["fr", "en"] as const)(
    "re-saved by soffice (%s): sheets, tables, headers and values intact",
    async (lang) => {
      const src = path.join(dir, "plan.xlsx");
      await runTemplate({ lang, out: src });
      const outDir = path.join(dir, "lo");
      // A private profile so parallel runs do not fight over ~/.config/libreoffice.
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${path.join(dir, "profile")}`,
          "--headless",
          "--convert-to",
          "xlsx",
          "--outdir",
          outDir,
          src,
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      const resaved = path.join(outDir, "plan.xlsx");
      expect(existsSync(resaved)).toBe(true);
      const before = new ExcelJS.Workbook();
      await before.xlsx.readFile(src);
      const after = new ExcelJS.Workbook();
      await after.xlsx.readFile(resaved);
      expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
      expect(tableRefs(after)).toEqual(tableRefs(before));
      const a = await readPlanWorkbook(src);
      const b = await readPlanWorkbook(resaved);
      for (const t of schema.TABLES) {
        expect(b.tables[t.name].headers).toEqual(a.tables[t.name].headers);
        expect(b.tables[t.name].columnIds).toEqual(a.tables[t.name].columnIds);
      }
      expect(b.tables.Norms.grid).toEqual(a.tables.Norms.grid);
      expect(b.tables.Channels.grid).toEqual(a.tables.Channels.grid);
      expect(b.settings).toEqual(a.settings);
    },
    150_000,
  );
});
