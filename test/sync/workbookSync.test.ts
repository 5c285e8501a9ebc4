/**
 * Workbook sync against a real store (in-process): first sync and the second that sends nothing,
 * the manager's notes coming down, two copies of one workbook editing the same cell (one conflict,
 * resolved, both converge), deletions as tombstones, offline with a persisted outbox.
 */
import type { FastifyInstance } from "fastify";
import { createServer } from "../../src/server/app";
import {
  patTokenProvider,
  runSync,
  workbookHost,
  memoryWorkbook,
  parseState,
  type MemoryWorkbook,
  emptyMeta,
  stateChunks,
  type RunOptions,
} from "../../src/sync";
import { seedOrg, type Org } from "../server/support/org";
import { openTestStore, type TestStore } from "../server/support/stores";
import { injectFetch, noSleep } from "./support/injectFetch";
import { clientsByCode, col, planWorkbook, rows } from "./support/workbook";
import type { CellValue } from "../../src/core/types";
import { DEFAULT_CHANNELS, DEFAULT_NORMS, STRATEGIC_SEGMENTS } from "../../src/core/types";
import * as schema from "../../src/core/workbook/schema";
import type { SheetTable } from "../../src/sync";

describe("workbook sync with a real store", () => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;
  let offline = false;

  beforeAll(async () => {
    t = await openTestStore("sqlite");
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const options = (who: "rep1" | "manager1"): RunOptions => ({
    baseUrl: "http://store",
    tokens: patTokenProvider(org[who].token),
    fetch: injectFetch(app, { failBefore: () => offline }),
    sleep: noSleep,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    personId: org[who].id,
  });
  const sync = (wb: MemoryWorkbook) => runSync(workbookHost(wb), options("rep1"));

  it("syncs a workbook, converges a copy, shows and resolves a conflict, and sends nothing twice", async () => {
    const a = memoryWorkbook(
      planWorkbook(
        [
          { id: "C1", name: "Alpha", potential: 1000 },
          { id: "C2", name: "Beta", potential: 2000 },
          { id: "C3", name: "Gamma", potential: 3000 },
        ],
        [
          { date: "2026-02-03", clientId: "C1", channel: "visit" },
          { date: "2026-02-04", clientId: "ZZ", channel: "call" },
        ],
      ),
    );
    const first = await sync(a);
    // 3 clients, 1 contact (the other names a client not in this plan), the plan row.
    expect(first).toMatchObject({ pushed: 5, applied: 5, conflicts: [], pending: 0, offline: false });
    const ids = a.input.tables.Clients.rows.map((r) => r[col("Clients", "rowId")]);
    expect(ids.every((id) => typeof id === "string" && id.length === 36)).toBe(true);
    const again = await sync(a);
    expect(again.pushed).toBe(0);

    // The manager reads the rows, and writes a note on C2.
    const c2 = String(a.input.tables.Clients.rows[1][col("Clients", "rowId")]);
    const pulled = await app.inject({ method: "GET", url: "/sync/pull?since=0", headers: org.manager1.auth });
    expect(
      pulled.json<{ rows: { table: string }[] }>().rows.filter((r) => r.table === "clients"),
    ).toHaveLength(3);
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
              clientId: { value: c2 },
              text: { value: "Relancer avant mars" },
              year: { value: 2026 },
            },
          },
        ],
      },
    });
    expect(note.statusCode).toBe(200);
    await sync(a);
    expect(a.input.tables.Clients.rows[1][col("Clients", "managerNote")]).toBe("Relancer avant mars");
    expect(a.steering?.[1]).toEqual(["Note", "C2", "Relancer avant mars", "", 2026, ""]);

    // A copy of the file elsewhere: both edit C1's name.
    const b = memoryWorkbook(structuredClone(a.input));
    rows(a)[0][col("Clients", "name")] = "Alpha (A)";
    rows(b)[0][col("Clients", "name")] = "Alpha (B)";
    rows(b)[2][col("Clients", "potential")] = 3500;
    expect((await sync(a)).applied).toBe(1);
    const inB = await sync(b);
    expect(inB.conflicts).toEqual([
      expect.objectContaining({ table: "clients", field: "name", mine: "Alpha (B)", theirs: "Alpha (A)" }),
    ]);
    expect(inB.merged + inB.applied).toBe(1);
    expect(b.conflicts.slice(1).map((r) => r.slice(0, 7))).toEqual([
      ["clients", "C1", "name", "Alpha", "Alpha (B)", "Alpha (A)", "conflit"],
    ]);
    // B takes the store's value (typed in the Conflits sheet); both converge.
    (b.input.conflictRows as CellValue[][])[0][7] = "serveur";
    expect((await sync(b)).conflicts).toEqual([]);
    await sync(a);
    expect(clientsByCode(b.input)).toEqual(clientsByCode(a.input));
    expect(clientsByCode(a.input).get("C3")).toEqual({ name: "Gamma", potential: 3500 });

    // A deletes C3: a tombstone; B's row goes.
    rows(a).splice(2, 1);
    await sync(a);
    await sync(b);
    expect([...clientsByCode(b.input).keys()]).toEqual(["C1", "C2"]);

    // Offline: the edit waits in the outbox saved in the workbook, and goes when the store is back.
    offline = true;
    rows(a)[0][col("Clients", "potential")] = 1234;
    const away = await sync(a);
    expect(away).toMatchObject({ offline: true, pending: 1 });
    expect(parseState(a.input.state).outbox).toHaveLength(1);
    offline = false;
    const back = await sync(a);
    expect(back).toMatchObject({ offline: false, pending: 0, pushed: 1 });
    await sync(b);
    expect(clientsByCode(b.input).get("C1")).toEqual({ name: "Alpha (A)", potential: 1234 });
  });

  it("another copy's norms and channel weights come down into the Norms and Channels tables", async () => {
    const norms: SheetTable = {
      columnIds: schema.table("Norms").columns.map((c) => c.id),
      headers: schema.table("Norms").columns.map((c) => c.fr),
      rows: STRATEGIC_SEGMENTS.map((s) => [
        s.labelFr,
        ...DEFAULT_CHANNELS.map((c) => DEFAULT_NORMS[s.id][c.id] ?? 0),
      ]),
    };
    const channels: SheetTable = {
      columnIds: schema.table("Channels").columns.map((c) => c.id),
      headers: schema.table("Channels").columns.map((c) => c.fr),
      rows: DEFAULT_CHANNELS.map((c) => [c.id, c.labelFr, c.weight]),
    };
    // A new workbook from the store's head: the rows of the test above are another workbook's.
    const head = await t.store.db
      .selectFrom("change_log")
      .select((eb) => eb.fn.max<string | number | null>("seq").as("seq"))
      .executeTakeFirst();
    const a = memoryWorkbook({
      ...planWorkbook([{ id: "P1", name: "One" }]),
      norms,
      channels,
      state: stateChunks({ ...emptyMeta(), cursor: Number(head?.seq ?? 0) }),
    });
    await sync(a);
    const b = memoryWorkbook(structuredClone(a.input));
    const call = DEFAULT_CHANNELS.findIndex((c) => c.id === "call");
    (a.input.norms?.rows as CellValue[][])[0][1 + call] = 99;
    (a.input.channels?.rows as CellValue[][])[call][2] = 0.3;
    expect(await sync(a)).toMatchObject({ pushed: 1, applied: 1 });
    await sync(b);
    expect(b.input.norms?.rows[0]?.[1 + call]).toBe(99);
    expect(b.input.channels?.rows[call]?.[2]).toBe(0.3);
    // The other rows and cells as they were; nothing to send back.
    expect(b.input.norms?.rows.slice(1)).toEqual(norms.rows.slice(1));
    expect((await sync(b)).pushed).toBe(0);
  });

  it("a held field the rep edits again is shown with the new value; a choice made beside the old one waits", async () => {
    const a = memoryWorkbook(planWorkbook([{ id: "S1", name: "One" }]));
    await sync(a);
    const b = memoryWorkbook(structuredClone(a.input));
    const name = col("Clients", "name");
    rows(a)[0][name] = "One (A)";
    rows(b)[0][name] = "One (B)";
    await sync(a);
    expect((await sync(b)).conflicts).toEqual([
      expect.objectContaining({ field: "name", mine: "One (B)", theirs: "One (A)" }),
    ]);
    // The rep types another value in the cell, and "serveur" beside the old one on the Conflits sheet.
    rows(b)[0][name] = "One (B2)";
    (b.input.conflictRows as CellValue[][])[0][7] = "serveur";
    const again = await sync(b);
    expect(again.conflicts).toEqual([
      expect.objectContaining({ field: "name", mine: "One (B2)", theirs: "One (A)" }),
    ]);
    expect(rows(b)[0][name]).toBe("One (B2)");
    expect(b.conflicts[1]?.slice(4, 6)).toEqual(["One (B2)", "One (A)"]);
    // Chosen beside the value now shown: keep mine sends it.
    (b.input.conflictRows as CellValue[][])[0][7] = "moi";
    expect(await sync(b)).toMatchObject({ conflicts: [], pushed: 1, applied: 1 });
    await sync(a);
    expect(rows(a)[0][name]).toBe("One (B2)");
    // Typing the store's value into a held cell ends the conflict, with nothing to send.
    rows(a)[0][name] = "One (A3)";
    rows(b)[0][name] = "One (B3)";
    await sync(a);
    expect((await sync(b)).conflicts).toHaveLength(1);
    rows(b)[0][name] = "One (A3)";
    expect(await sync(b)).toMatchObject({ conflicts: [], pushed: 0 });
  });
});
