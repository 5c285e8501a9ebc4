/**
 * "Create a plan workbook" is all or nothing: when a batch fails partway (Excel keeps what ran before
 * the failing operation) or the rep cancels, one clean-up round trip leaves the workbook's sheets,
 * tables, names, active sheet and selection exactly as they were, and the rep reads why in both languages.
 */
import { createWorkbench, WorkbenchApiError } from "../../src/workbench";
import type { Workbench } from "../../src/workbench";
import { createGateway } from "../../src/excel/gateway";
import type { ExcelRun } from "../../src/excel/office";
import { GatewayError } from "../../src/excel/gateway.types";
import type { Progress } from "../../src/excel/gateway.types";
import * as schema from "../../src/core/workbook/schema";
import { planFor, repCopy, repPortfolio } from "./fixtures";
import { gatewayErrorText } from "../../src/excel/errors";

const ROWS = 400;
/** Small enough that 400 rows take several batches (as 40,000 do under the 4 MB default). */
const BUDGET = 8_000;

type Enqueue = (location: string, run: () => void, payload?: unknown) => void;

/**
 * A run that counts the operations its batches queue and where each sync falls; with `failAt`, the
 * operation of that number is preceded by one that fails (GeneralException): Excel runs the batch up to
 * it, keeps what ran, and skips the rest.
 */
function instrumented(wb: Workbench, failAt?: number): { run: ExcelRun; syncsAt: number[] } {
  let count = 0;
  const syncsAt: number[] = [];
  const run: ExcelRun = (batch) =>
    wb.run((context) => {
      const ctx = context as unknown as { enqueue: Enqueue; sync: () => Promise<void> };
      const enqueue = ctx.enqueue.bind(ctx);
      const sync = ctx.sync.bind(ctx);
      ctx.enqueue = (location, op, payload) => {
        count++;
        if (count === failAt) {
          enqueue("Injected", () => {
            throw new WorkbenchApiError("GeneralException", "Injected failure.");
          });
        }
        enqueue(location, op, payload);
      };
      ctx.sync = () => {
        syncsAt.push(count);
        return sync();
      };
      return batch(context);
    });
  return { run, syncsAt };
}

/** The rep's portfolio and a sheet of notes, the notes open with a cell selected. */
async function repBench(): Promise<Workbench> {
  const wb = createWorkbench({
    sheets: [
      { name: "Portefeuille", values: repPortfolio(ROWS) },
      { name: "Notes", values: [["Mes notes"], ["à relancer"]] },
    ],
  });
  await wb.run(async (context) => {
    const notes = context.workbook.worksheets.getItem("Notes");
    notes.activate();
    notes.getRange("A2").select();
    await context.sync();
  });
  expect(wb.snapshot()).toMatchObject({ activeSheet: "Notes", selection: "Notes!A2" });
  wb.stats.reset();
  return wb;
}

const state = (wb: Workbench): string => JSON.stringify(wb.snapshot());

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  return error;
}

describe("createPlanWorkbook, all or nothing", () => {
  /** Where each round trip of a successful creation ends, counted in queued operations. */
  let syncsAt: number[] = [];

  beforeAll(async () => {
    const wb = await repBench();
    const probe = instrumented(wb);
    await createGateway(probe.run, { budgetBytes: BUDGET }).createPlanWorkbook({
      lang: "fr",
      portfolio: repCopy(ROWS),
    });
    syncsAt = probe.syncsAt;
  });

  it("builds in 1 check + several batches (the ground the failures below are injected into)", () => {
    expect(syncsAt.length).toBeGreaterThanOrEqual(4);
  });

  // Operation numbers: inside the check, early and late in the structure batch, first and middle
  // operations of the second batch, and the last batch's last operation.
  const points = (): Map<string, number> => {
    const [check = 0, build = 0, second = 0] = syncsAt;
    return new Map([
      ["in the check", Math.ceil(check / 2)],
      ["early in the structure batch", check + 3],
      ["late in the structure batch", build - 2],
      ["at the second batch's first operation", build + 1],
      ["in the middle of the second batch", build + Math.ceil((second - build) / 2)],
      ["at the last batch's last operation", syncsAt.at(-1) ?? 0],
    ]);
  };

  it.each([
    "in the check",
    "early in the structure batch",
    "late in the structure batch",
    "at the second batch's first operation",
    "in the middle of the second batch",
    "at the last batch's last operation",
  ])("fails %s: the workbook is exactly as before", async (where) => {
    const at = points().get(where) ?? 0;
    const wb = await repBench();
    const before = state(wb);
    const run = instrumented(wb, at);
    const error = await failure(
      createGateway(run.run, { budgetBytes: BUDGET }).createPlanWorkbook({
        lang: "fr",
        portfolio: repCopy(ROWS),
      }),
    );
    expect(state(wb)).toBe(before);
    if (where === "in the check") {
      // Nothing was added yet: no clean-up round trip.
      expect(error.code).toBe("unexpected");
      expect(run.syncsAt).toHaveLength(1);
      return;
    }
    expect(error.code).toBe("createFailed");
    expect(error.details).toMatchObject({ cause: "unexpected" });
    expect(gatewayErrorText(error, "fr")).toMatch(
      /^Le classeur de plan n'a pas été créé : .*Injected failure\..* retirées/,
    );
    expect(gatewayErrorText(error, "en")).toMatch(
      /^The plan workbook was not created: .*Injected failure\..* removed/,
    );
    // The round trips up to the failing one, then exactly one clean-up.
    const failedAt = syncsAt.findIndex((n) => n >= at);
    expect(run.syncsAt).toHaveLength(failedAt + 2);
  });

  it("a later batch refused whole (workbench failNextSync): sheets, tables and names as before", async () => {
    const wb = await repBench();
    const before = wb.snapshot();
    const gateway = createGateway(wb.run, { budgetBytes: BUDGET });
    const seen: Progress[] = [];
    wb.stats.reset();
    const error = await failure(
      gateway.createPlanWorkbook({ lang: "en", portfolio: repCopy(ROWS) }, (p) => {
        seen.push(p);
        if (p.phase === "write" && p.done === 2) wb.failNextSync("GeneralException");
      }),
    );
    expect(error.code).toBe("createFailed");
    const after = wb.snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(after.tables).toEqual(before.tables);
    expect(after.names).toEqual(before.names);
    expect(after).toEqual(before);
    // check, batches 1 and 2, the refused batch 3, the clean-up.
    expect(wb.stats.syncs).toBe(5);
    expect(seen.filter((p) => p.phase === "write").map((p) => p.done)).toEqual([1, 2]);
  });

  it("a 60,000-row portfolio under the default 4 MB budget, its second batch failing: nothing stays", async () => {
    const n = 60_000;
    const wb = createWorkbench({ sheets: [{ name: "Portefeuille", values: repPortfolio(n) }] });
    const before = state(wb);
    let batches = 0;
    const error = await failure(
      createGateway(wb.run).createPlanWorkbook({ lang: "fr", portfolio: repCopy(n) }, (p) => {
        if (p.phase !== "write") return;
        batches = p.total;
        if (p.done === 1) wb.failNextSync("GeneralException");
      }),
    );
    expect(batches).toBeGreaterThanOrEqual(2);
    expect(error.code).toBe("createFailed");
    expect(state(wb)).toBe(before);
  }, 30_000);

  it("a cancel between batches stops the copy and takes everything away: 'Cancelled' in both languages", async () => {
    const wb = await repBench();
    const before = state(wb);
    const controller = new AbortController();
    wb.stats.reset();
    const error = await failure(
      createGateway(wb.run, { budgetBytes: BUDGET }).createPlanWorkbook(
        { lang: "fr", portfolio: repCopy(ROWS) },
        (p) => {
          if (p.phase === "write" && p.done === 1) controller.abort();
        },
        controller.signal,
      ),
    );
    expect(error.code).toBe("aborted");
    expect(gatewayErrorText(error, "fr")).toBe("Opération annulée. Rien n'a été modifié.");
    expect(gatewayErrorText(error, "en")).toBe("Cancelled. Nothing was changed.");
    expect(state(wb)).toBe(before);
    // check, the structure batch, then the clean-up: no further batch was sent.
    expect(wb.stats.syncs).toBe(3);
  });

  it("a cancel before the build adds nothing and needs no clean-up", async () => {
    const wb = await repBench();
    const before = state(wb);
    const controller = new AbortController();
    controller.abort();
    wb.stats.reset();
    const error = await failure(
      createGateway(wb.run).createPlanWorkbook(
        { lang: "fr", portfolio: repCopy(3) },
        undefined,
        controller.signal,
      ),
    );
    expect(error.code).toBe("aborted");
    expect(state(wb)).toBe(before);
    expect(wb.stats.syncs).toBe(1);
  });

  it("a cancel after the last batch is too late: the plan workbook stays whole", async () => {
    const wb = await repBench();
    const controller = new AbortController();
    await createGateway(wb.run, { budgetBytes: BUDGET }).createPlanWorkbook(
      { lang: "fr", portfolio: repCopy(ROWS) },
      (p) => {
        if (p.phase === "write" && p.done === p.total) controller.abort();
      },
      controller.signal,
    );
    expect(wb.sheet("Clients").values).toHaveLength(ROWS + 1);
  });

  it("keeps the hidden sheets of a rep who planned into their own table first, with their schema rows", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "Portefeuille",
          values: repPortfolio(80),
          tables: [{ name: "MesClients", address: "A1:G81" }],
        },
      ],
    });
    const gateway = createGateway(wb.run, { budgetBytes: 2_000 });
    const read = await gateway.readSource({ table: "MesClients" });
    await gateway.writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid));
    const planned = await gateway.readSource({ table: "MesClients" });
    const before = wb.snapshot();
    expect(before.sheets.map((s) => s.name)).toEqual([
      "Portefeuille",
      schema.SCHEMA_SHEET,
      schema.UNDO_SHEET,
    ]);
    const error = await failure(
      gateway.createPlanWorkbook({ lang: "fr", portfolio: repCopy(80) }, (p) => {
        if (p.phase === "write" && p.done === 1) wb.failNextSync("GeneralException");
      }),
    );
    expect(error.code).toBe("createFailed");
    expect(wb.snapshot()).toEqual(before);
    // The rep's plan still reads back as Cadence's: its schema rows were put back.
    const again = await gateway.readSource({ table: "MesClients" });
    expect(Object.keys(planned.cadenceColumns).length).toBeGreaterThan(0);
    expect(again.cadenceColumns).toEqual(planned.cadenceColumns);
  });

  it("says which sheets to delete when the clean-up fails too (a cell being edited)", async () => {
    const wb = await repBench();
    const error = await failure(
      createGateway(wb.run, { budgetBytes: BUDGET }).createPlanWorkbook(
        { lang: "en", portfolio: repCopy(ROWS) },
        (p) => {
          if (p.phase === "write" && p.done === 1) wb.setCellEditMode(true);
        },
      ),
    );
    wb.setCellEditMode(false);
    expect(error.code).toBe("createCleanupFailed");
    expect(error.details).toMatchObject({ cause: "editMode" });
    expect(gatewayErrorText(error, "en")).toContain("A cell is being edited");
    expect(gatewayErrorText(error, "en")).toContain(
      "could not remove the sheets it had started to add (Clients, Settings",
    );
    expect(gatewayErrorText(error, "fr")).toContain("n'a pas pu retirer les feuilles");
    expect(wb.snapshot().sheets.map((s) => s.name)).toContain("Clients");
  });

  it("a cancel whose clean-up fails says so, without 'nothing was changed'", async () => {
    const wb = await repBench();
    const controller = new AbortController();
    const error = await failure(
      createGateway(wb.run, { budgetBytes: BUDGET }).createPlanWorkbook(
        { lang: "fr", portfolio: repCopy(ROWS) },
        (p) => {
          if (p.phase === "write" && p.done === 1) {
            controller.abort();
            wb.setCellEditMode(true);
          }
        },
        controller.signal,
      ),
    );
    wb.setCellEditMode(false);
    expect(error.code).toBe("createCleanupFailed");
    expect(gatewayErrorText(error, "fr")).toMatch(
      /^Le classeur de plan n'a pas été créé : Opération annulée\. Cadence n'a pas pu/,
    );
    expect(gatewayErrorText(error, "en")).toMatch(
      /^The plan workbook was not created: Cancelled\. Cadence could not/,
    );
    expect(gatewayErrorText(error, "en")).not.toContain("Nothing was changed");
  });

  it("refuses up front, adding nothing, when a table the build adds already exists elsewhere", async () => {
    const wb = createWorkbench({
      sheets: [
        { name: "Portefeuille", values: repPortfolio(3) },
        {
          name: "Suivi",
          values: [
            ["Client", "Action"],
            ["C00001", "relancer"],
          ],
          tables: [{ name: "Actions", address: "A1:B2" }],
        },
      ],
    });
    const before = state(wb);
    wb.stats.reset();
    const error = await failure(
      createGateway(wb.run).createPlanWorkbook({ lang: "fr", portfolio: repCopy(3) }),
    );
    expect(error.code).toBe("alreadyExists");
    expect(gatewayErrorText(error, "en")).toBe(
      'This workbook already has "Actions": Cadence does not overwrite it.',
    );
    expect(state(wb)).toBe(before);
    expect(wb.stats.syncs).toBe(1);
  });
});
