/**
 * `cadence sync` on plan workbook files against a real store listening on a loopback port: the CRM
 * export imported first (contacts of other clients reported, not pushed), a second run that pushes
 * nothing, the manager's note coming down, two copies of a file in conflict (exit 3, the Conflits
 * sheet's choice), bad input (exit 2) and an unreachable store (the file untouched).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import * as schema from "../../src/core/workbook/schema";
import { createServer } from "../../src/server/app";
import { seedOrg, type Org } from "../server/support/org";
import { openTestStore, type TestStore } from "../server/support/stores";
import { cadence } from "../support/cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-sync-"));
const colOf = (table: schema.TableId, id: string): number =>
  schema.table(table).columns.findIndex((c) => c.id === id) + 1;

async function editClients(file: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb.getWorksheet("Clients")!);
  await wb.xlsx.writeFile(file);
}

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

interface SyncJson {
  pushed: number;
  applied: number;
  merged: number;
  conflicts: { table: string; field: string; mine: unknown; theirs: unknown }[];
  pulled: Record<string, number>;
  imported?: number;
  unmatched?: unknown[];
}

describe("cadence sync", () => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;
  let url: string;

  beforeAll(async () => {
    t = await openTestStore("sqlite");
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
  });
  afterAll(async () => {
    delete process.env.CADENCE_TOKEN;
    await app.close();
    await t.drop();
  });

  const sync = async (file: string, ...more: string[]) => {
    process.env.CADENCE_TOKEN = org.rep1.token;
    const r = await cadence("sync", file, "--server", url, "--json", ...more);
    return { ...r, json: r.out === "" ? null : (JSON.parse(r.out) as SyncJson) };
  };

  test("imports, pushes, pulls the manager's note, and a second run pushes nothing", async () => {
    const plan = path.join(dir, "plan.xlsx");
    expect((await cadence("template", "--lang", "fr", "--year", "2026", "--out", plan)).code).toBe(0);
    await editClients(plan, (ws) => {
      [
        ["C1", "Alpha", 1000],
        ["C2", "Beta", 2000],
        ["C3", "Gamma", 3000],
      ].forEach(([id, name, potential], i) => {
        ws.getCell(2 + i, colOf("Clients", "id")).value = id!;
        ws.getCell(2 + i, colOf("Clients", "name")).value = name!;
        ws.getCell(2 + i, colOf("Clients", "potential")).value = potential!;
      });
    });
    const csv = path.join(dir, "export.csv");
    writeFileSync(
      csv,
      [
        "Date;Code client;Canal;Note",
        "03/02/2026;C1;visit;a",
        "04/02/2026;C2;call;b",
        "05/02/2026;ZZ;visit;c",
      ].join("\n"),
    );
    const first = await sync(plan, "--contacts", csv);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    // 3 clients + 2 contacts + the plan row; the third contact's client is not in this plan.
    expect(first.json).toMatchObject({ pushed: 6, applied: 6, merged: 0, conflicts: [], imported: 2 });
    // Issue 10 over issue 18's new names: another rep's client in a team-wide export is reported, not kept.
    expect(first.json!.unmatched).toEqual([{ row: 4, reason: "unknownClient" }]);
    const written = await sheetRows(plan, "Contacts");
    expect(written.flat()).not.toContain("ZZ");
    expect(written.flat()).toEqual(expect.arrayContaining(["C1", "C2"]));

    const second = await sync(plan, "--contacts", csv);
    expect(second.code).toBe(0);
    expect(second.json).toMatchObject({ pushed: 0, imported: 0 });

    // The manager writes a note on C2 through the API; the next sync brings it into the file.
    const pulled = await app.inject({ method: "GET", url: "/sync/pull?since=0", headers: org.manager1.auth });
    const c2 = pulled
      .json<{ rows: { table: string; rowId: string; fields: Record<string, unknown> }[] }>()
      .rows.find((r) => r.table === "clients" && r.fields.clientKey === "C2")!;
    const note = await app.inject({
      method: "POST",
      url: "/sync/push",
      headers: org.manager1.auth,
      payload: {
        mutations: [
          {
            mutationId: crypto.randomUUID(),
            table: "notes",
            rowId: crypto.randomUUID(),
            baseVersion: 0,
            fields: {
              repId: { value: org.rep1.id },
              kind: { value: "note" },
              clientId: { value: c2.rowId },
              text: { value: "Relancer" },
            },
          },
        ],
      },
    });
    expect(note.statusCode).toBe(200);
    const third = await sync(plan);
    expect(third.json).toMatchObject({ pushed: 0, pulled: { notes: 1 } });
    const clients = await sheetRows(plan, "Clients");
    expect(clients[2][colOf("Clients", "managerNote") - 1]).toBe("Relancer");
    expect((await sheetRows(plan, "Pilotage"))[1].slice(0, 3)).toEqual(["Note", "C2", "Relancer"]);

    // Two copies of the file change C1's name: the second to sync gets a conflict (exit 3).
    const copy = path.join(dir, "copy.xlsx");
    copyFileSync(plan, copy);
    await editClients(plan, (ws) => (ws.getCell(2, colOf("Clients", "name")).value = "Alpha (bureau)"));
    await editClients(copy, (ws) => (ws.getCell(2, colOf("Clients", "name")).value = "Alpha (tablette)"));
    expect((await sync(plan)).json).toMatchObject({ pushed: 1, applied: 1 });
    const clash = await sync(copy);
    expect(clash.code).toBe(3);
    expect(clash.json!.conflicts).toEqual([
      expect.objectContaining({
        table: "clients",
        field: "name",
        mine: "Alpha (tablette)",
        theirs: "Alpha (bureau)",
      }),
    ]);
    const conflicts = await sheetRows(copy, "Conflits");
    expect(conflicts).toHaveLength(2);
    // The rep takes the store's value in the Conflits sheet's Choice column; the copies converge.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    wb.getWorksheet("Conflits")!.getCell(2, 8).value = "serveur";
    await wb.xlsx.writeFile(copy);
    const resolved = await sync(copy);
    expect(resolved.code).toBe(0);
    expect(resolved.json!.conflicts).toEqual([]);
    expect((await sheetRows(copy, "Clients"))[1][1]).toBe("Alpha (bureau)");
    expect(await sheetRows(copy, "Conflits")).toHaveLength(1);
  });

  test("bad input is exit 2, an unreachable store leaves the file as it was", async () => {
    const plan = path.join(dir, "bad.xlsx");
    await cadence("template", "--lang", "en", "--out", plan);
    delete process.env.CADENCE_TOKEN;
    const noToken = await cadence("sync", plan, "--server", url);
    expect(noToken.code).toBe(2);
    expect(noToken.err).toMatch(/CADENCE_TOKEN/);
    process.env.CADENCE_TOKEN = org.rep1.token;
    expect((await cadence("sync", path.join(dir, "missing.xlsx"), "--server", url)).code).toBe(2);
    expect((await cadence("sync", plan, "--server", "not a url")).code).toBe(2);
    process.env.CADENCE_TOKEN = "cad_wrong";
    const refused = await cadence("sync", plan, "--server", url);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/refused|refusé/);
    process.env.CADENCE_TOKEN = org.rep1.token;
    const before = readFileSync(plan);
    const away = await cadence("sync", plan, "--server", "http://127.0.0.1:9");
    expect(away.code).toBe(1);
    expect(readFileSync(plan).equals(before)).toBe(true);
  }, 60_000);
});
