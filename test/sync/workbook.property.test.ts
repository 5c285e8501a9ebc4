/**
 * Model-based test of workbook sync (issue 10): snapshot diff, outbox and apply (src/sync/engine and
 * src/sync/workbook, the code the pane and `cadence sync` run) against a real store, on two copies of
 * one workbook. Random histories of cell edits, new and deleted clients, new contacts, syncs that go
 * through, find the store unreachable (offline), lose the push's answer (the next sync replays it) or
 * lose it once (replayed within the sync), old requests arriving late (reordering), and the rep's
 * choices on conflicts. Invariants: every edit a sync picked up is in the store or in a conflict the
 * store recorded and the workbook shows (panel list and Conflits sheet); replays change nothing; no
 * row twice in a copy or in the store; once online and settled, both copies and the store agree.
 */
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import type { JsonValue, Mutation, PushResponse } from "../../src/contract";
import type { CellValue } from "../../src/core/types";
import { createServer } from "../../src/server/app";
import {
  emptyMeta,
  memoryWorkbook,
  parseState,
  patTokenProvider,
  runSync,
  stateChunks,
  workbookHost,
  type FetchLike,
  type MemoryWorkbook,
  type SyncSummary,
} from "../../src/sync";
import { seedOrg, type Org } from "../server/support/org";
import { DIALECTS, openTestStore, type TestStore } from "../server/support/stores";
import { injectFetch, noSleep } from "./support/injectFetch";
import { col, contactRow, clientRow, planWorkbook } from "./support/workbook";

type Fault = "none" | "offline" | "loseAnswer" | "loseOnce";
type Op =
  | { kind: "edit"; copy: number; row: number; field: number; value: number }
  | { kind: "add"; copy: number }
  | { kind: "delete"; copy: number; row: number }
  | { kind: "contact"; copy: number; row: number }
  | { kind: "sync"; copy: number; fault: Fault }
  | { kind: "choose"; copy: number; mine: boolean }
  | { kind: "replayOld"; copy: number; pick: number };

const FIELDS = [
  { colId: "name", wire: "name", values: ["a", "b", "c"] },
  { colId: "potential", wire: "potential", values: [1, 2, 3] },
] as const;

const copyArb = fc.nat(1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      copy: copyArb,
      row: fc.nat(7),
      field: fc.nat(1),
      value: fc.nat(2),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("add" as const), copy: copyArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("delete" as const), copy: copyArb, row: fc.nat(7) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("contact" as const), copy: copyArb, row: fc.nat(7) }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("sync" as const),
      copy: copyArb,
      fault: fc.constantFrom<Fault>("none", "none", "none", "offline", "loseAnswer", "loseOnce"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("choose" as const), copy: copyArb, mine: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("replayOld" as const), copy: copyArb, pick: fc.nat(20) }),
  },
);

/**
 * Issue 10: at least 500 histories per run, over both databases (SYNC_HISTORIES overrides, to explore).
 * Measured at load 12 on 2 cores: about 250 ms a history on SQLite, 600 ms on PostgreSQL; the budget
 * is about three times that, so the timeout grows with the work, not Jest's default.
 */
const HISTORIES: Record<string, number> = { sqlite: 400, postgres: 110 };
const MS_PER_HISTORY: Record<string, number> = { sqlite: 750, postgres: 2000 };

describe.each(DIALECTS)("workbook sync of two copies, model-based, on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const headSeq = async (): Promise<number> => {
    const head = await t.store.db
      .selectFrom("change_log")
      .select((eb) => eb.fn.max<string | number | null>("seq").as("seq"))
      .executeTakeFirst();
    return Number(head?.seq ?? 0);
  };
  const logCount = async (): Promise<number> => {
    const r = await t.store.db
      .selectFrom("change_log")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  const histories = Number(process.env.SYNC_HISTORIES ?? HISTORIES[dialect]);
  test(
    "every edit is in the store or a shown conflict, replays change nothing, no duplicates, copies converge",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(opArb, { minLength: 8, maxLength: 28 }),
          fc.boolean(),
          async (ops, finalMine) => {
            // A new workbook starts from the store's head: earlier histories' rows are nothing to it.
            const tag = crypto.randomUUID().slice(0, 8);
            const initial = planWorkbook(
              [1, 2, 3].map((k) => ({ id: `${tag}-K${k}`, name: `Client ${k}`, potential: 1000 * k })),
            );
            const start = { ...initial, state: stateChunks({ ...emptyMeta(), cursor: await headSeq() }) };

            interface Copy {
              wb: MemoryWorkbook;
              fault: Fault;
              lostOnce: boolean;
              /** Push requests that reached the store. */
              sent: Mutation[][];
              /** Edits since this copy's last sync: code#field → value. */
              dirty: Map<string, JsonValue>;
              added: number;
              last: SyncSummary | null;
            }
            const fetchOf = (c: Copy): FetchLike => {
              const inner = injectFetch(app, {
                failBefore: () => c.fault === "offline",
                loseAnswer: (url) => {
                  if (!url.endsWith("/sync/push")) return false;
                  if (c.fault === "loseAnswer") return true;
                  if (c.fault === "loseOnce" && !c.lostOnce) return (c.lostOnce = true);
                  return false;
                },
              });
              return async (url, init) => {
                if (url.endsWith("/sync/push") && c.fault !== "offline" && typeof init.body === "string")
                  c.sent.push((JSON.parse(init.body) as { mutations: Mutation[] }).mutations);
                return inner(url, init);
              };
            };
            const newCopy = (wb: MemoryWorkbook): Copy => ({
              wb,
              fault: "none",
              lostOnce: false,
              sent: [],
              dirty: new Map(),
              added: 0,
              last: null,
            });
            const rowsOf = (c: Copy, table: "Clients" | "Contacts" = "Clients"): CellValue[][] =>
              c.wb.input.tables[table].rows as CellValue[][];
            const codeAt = (c: Copy, i: number): string => String(rowsOf(c)[i]?.[col("Clients", "id")] ?? "");

            /** Every edit a sync picked up (the last value of a cell since the copy's sync before). */
            const captured: { code: string; field: string; value: JsonValue }[] = [];
            /** Client code → row id, once a sync gave it one (codes are unique in a history). */
            const rowIdOf = new Map<string, string>();
            /** Held fields each copy has shown (panel and Conflits sheet): rowId#field#mine. */
            const shown = new Set<string>();
            const ids = new Set<string>();

            const learnIds = (c: Copy): void => {
              for (const table of ["Clients", "Contacts"] as const)
                for (const row of rowsOf(c, table)) {
                  const id = row[table === "Clients" ? col("Clients", "rowId") : col("Contacts", "rowId")];
                  if (typeof id !== "string" || id === "") continue;
                  ids.add(id);
                  if (table === "Clients") rowIdOf.set(String(row[col("Clients", "id")]), id);
                }
              const meta = parseState(c.wb.input.state);
              if (meta.planRowId !== null) ids.add(meta.planRowId);
            };

            const sync = async (c: Copy, fault: Fault): Promise<SyncSummary> => {
              c.fault = fault;
              c.lostOnce = false;
              for (const [key, value] of c.dirty) {
                const [code = "", field = ""] = key.split("#");
                captured.push({ code, field, value });
              }
              c.dirty.clear();
              const requests = c.sent.length;
              const summary = await runSync(workbookHost(c.wb), {
                baseUrl: "http://store.test",
                tokens: patTokenProvider(org.rep1.token),
                fetch: fetchOf(c),
                sleep: noSleep,
                retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
                personId: org.rep1.id,
              });
              c.fault = "none";
              c.last = summary;
              learnIds(c);
              // Offline when the store is unreachable, or when every answer to a push it had to make is lost.
              const pushed = c.sent.length > requests;
              expect(summary.offline).toBe(fault === "offline" || (fault === "loseAnswer" && pushed));
              // Held fields are shown: the panel's list is the workbook's memory, and the Conflits sheet lists each.
              const meta = parseState(c.wb.input.state);
              expect(summary.conflicts).toEqual(meta.held);
              for (const h of meta.held) shown.add(`${h.rowId}#${h.field}#${JSON.stringify(h.mine)}`);
              expect(summary.pending).toBe(meta.outbox.length);
              expect(c.wb.conflicts.slice(1).map((r) => r[8])).toEqual(
                meta.held.map((h) => `${h.table}/${h.rowId}#${h.field}`),
              );
              // No row twice in a copy.
              for (const table of ["Clients", "Contacts"] as const) {
                const rowIds = rowsOf(c, table)
                  .map((r) => r[col(table, "rowId")])
                  .filter((v) => v !== "");
                expect(new Set(rowIds).size).toBe(rowIds.length);
              }
              const codes = rowsOf(c).map((r) => r[col("Clients", "id")]);
              expect(new Set(codes).size).toBe(codes.length);
              return summary;
            };

            const a = newCopy(memoryWorkbook(start));
            expect((await sync(a, "none")).pushed).toBe(4); // 3 clients and the plan row
            // A copy of the file, elsewhere: the hidden sync sheet goes with it.
            const b = newCopy(memoryWorkbook(structuredClone(a.wb.input)));
            const copies = [a, b];

            for (const op of ops) {
              const c = copies[op.copy];
              const n = rowsOf(c).length;
              if (op.kind === "edit") {
                if (n === 0) continue;
                const row = rowsOf(c)[op.row % n];
                const f = FIELDS[op.field];
                const value = f.values[op.value % f.values.length];
                row[col("Clients", f.colId)] = value;
                c.dirty.set(`${codeAt(c, op.row % n)}#${f.wire}`, value);
              } else if (op.kind === "add") {
                c.added += 1;
                rowsOf(c).push(
                  clientRow({
                    id: `${tag}-${op.copy === 0 ? "A" : "B"}${c.added}`,
                    name: "New",
                    potential: 10,
                  }),
                );
              } else if (op.kind === "delete") {
                if (n === 0) continue;
                const code = codeAt(c, op.row % n);
                rowsOf(c).splice(op.row % n, 1);
                for (const key of [...c.dirty.keys()]) if (key.startsWith(`${code}#`)) c.dirty.delete(key);
              } else if (op.kind === "contact") {
                if (n === 0) continue;
                const day = String(1 + (rowsOf(c, "Contacts").length % 28)).padStart(2, "0");
                rowsOf(c, "Contacts").push(
                  contactRow({ date: `2026-03-${day}`, clientId: codeAt(c, op.row % n), channel: "visit" }),
                );
              } else if (op.kind === "sync") {
                await sync(c, op.fault);
              } else if (op.kind === "choose") {
                for (const row of c.wb.input.conflictRows as CellValue[][])
                  row[7] = op.mine ? "moi" : "serveur";
              } else if (c.sent.length > 0) {
                // An old request arriving late: every answer is the original one, and nothing changes.
                const before = await logCount();
                const res = await app.inject({
                  method: "POST",
                  url: "/sync/push",
                  headers: org.rep1.auth,
                  payload: { mutations: c.sent[op.pick % c.sent.length] },
                });
                expect(res.statusCode).toBe(200);
                expect(res.json<PushResponse>().results.every((r) => r.replayed === true)).toBe(true);
                expect(await logCount()).toBe(before);
              }
            }

            // 1. Online and settled: the rep chooses on every held field, both copies sync until quiet.
            let quiet = false;
            for (let round = 0; round < 8 && !quiet; round++) {
              quiet = true;
              for (const c of copies) {
                for (const row of c.wb.input.conflictRows as CellValue[][])
                  row[7] = finalMine ? "moi" : "serveur";
                const s = await sync(c, "none");
                if (s.pushed > 0 || s.conflicts.length > 0 || s.pending > 0) quiet = false;
              }
            }
            expect(quiet).toBe(true);

            // 2. Every edit a sync picked up is in the store (written at some point), or a conflict the store
            //    recorded, or one a copy showed the rep (who may then have taken the store's value).
            const history = [...ids];
            const log = await t.store.db
              .selectFrom("change_log")
              .select(["row_id", "fields", "result"])
              .where("row_id", "in", history)
              .execute();
            const recorded = await t.store.db
              .selectFrom("conflicts")
              .select(["row_id", "field", "mine"])
              .where("row_id", "in", history)
              .execute();
            for (const e of captured) {
              const rowId = rowIdOf.get(e.code);
              expect(rowId).toBeDefined();
              const inStore = log.some(
                (l) =>
                  l.row_id === rowId &&
                  // A mutation in conflict on one field still writes its others (result "conflict").
                  ["applied", "merged", "conflict"].includes(l.result) &&
                  l.fields !== null &&
                  (JSON.parse(l.fields) as Record<string, JsonValue>)[e.field] === e.value,
              );
              const inConflict = recorded.some(
                (r) => r.row_id === rowId && r.field === e.field && JSON.parse(r.mine ?? "null") === e.value,
              );
              const wasShown = shown.has(`${rowId}#${e.field}#${JSON.stringify(e.value)}`);
              if (!(inStore || inConflict || wasShown))
                console.log(
                  JSON.stringify({ e, rowId, shown: [...shown], log: log.filter((l) => l.row_id === rowId) }),
                );
              expect(inStore || inConflict || wasShown).toBe(true);
            }

            // 3. Both copies and the store agree; no row twice in the store.
            const view = (c: Copy) =>
              new Map(
                rowsOf(c).map((r) => [
                  r[col("Clients", "rowId")],
                  [r[col("Clients", "id")], r[col("Clients", "name")], r[col("Clients", "potential")]],
                ]),
              );
            expect(view(b)).toEqual(view(a));
            // Contacts of clients in the plan (one of a deleted client stays in the workbook, not synced).
            const contactIds = (c: Copy) => {
              const codes = new Set(rowsOf(c).map((r) => r[col("Clients", "id")]));
              return new Set(
                rowsOf(c, "Contacts")
                  .filter((r) => codes.has(r[col("Contacts", "clientId")]))
                  .map((r) => r[col("Contacts", "rowId")]),
              );
            };
            expect(contactIds(b)).toEqual(contactIds(a));
            const stored = await t.store.db
              .selectFrom("clients")
              .select(["id", "client_key", "name", "potential", "deleted"])
              .where("id", "in", history)
              .execute();
            const live = stored.filter((r) => r.deleted === 0);
            expect(new Map(live.map((r) => [r.id, [r.client_key, r.name, Number(r.potential)]]))).toEqual(
              view(a),
            );
            expect(new Set(live.map((r) => r.client_key)).size).toBe(live.length);
            const storedContacts = await t.store.db
              .selectFrom("contacts")
              .select(["id", "client_id", "deleted"])
              .where("id", "in", history)
              .execute();
            const liveIds = new Set(live.map((r) => r.id));
            expect(
              new Set(
                storedContacts
                  .filter((r) => r.deleted === 0 && liveIds.has(r.client_id ?? ""))
                  .map((r) => r.id),
              ),
            ).toEqual(contactIds(a));
          },
        ),
        {
          numRuns: histories,
          // A failure's seed and path replay it: SYNC_SEED=… SYNC_PATH=… npx jest test/sync/workbook.property.
          ...(process.env.SYNC_SEED
            ? { seed: Number(process.env.SYNC_SEED), path: process.env.SYNC_PATH, endOnFailure: true }
            : {}),
        },
      );
    },
    histories * (MS_PER_HISTORY[dialect] ?? 2000),
  );
});
