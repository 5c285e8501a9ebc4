/**
 * `npm run bench -- sync` (issue 10): a rep's plan workbook on the workbench syncing with a local
 * store (`cadence serve`'s server on a throwaway SQLite file, over HTTP on loopback), through the code
 * the pane runs (createSyncGateway → workbookHost → runSync). Goals:
 * - first sync of 10,000 clients and 50,000 contacts (read, diff, push, pull, write) ≤ 5 s;
 * - a sync after 10 edited rows ≤ 1 s and ≤ 4 Excel round trips;
 * - the diff of 10,000 rows ≤ 50 ms.
 * "Excel" is the time inside the workbench's context.sync (the stand-in for Excel's side).
 */
import os from "node:os";
import * as schema from "../src/core/workbook/schema";
import { createGateway } from "../src/excel/gateway";
import { createSyncGateway } from "../src/excel/syncSheets";
import { createServer } from "../src/server/app";
import { createPerson } from "../src/server/people";
import { createToken } from "../src/server/tokens";
import {
  diff,
  parseState,
  patTokenProvider,
  readLocal,
  runSync,
  workbookHost,
  type RunOptions,
  type SyncSummary,
} from "../src/sync";
import { createWorkbench, type Workbench } from "../src/workbench";
import { repCopy } from "../test/excel/fixtures";
import { openBenchStore } from "./store/open";
import { fmt, median } from "./stats";

const CLIENTS = 10_000;
const CONTACTS = 50_000;
const CHANNELS = ["visit", "call", "video", "digital"];

/** The workbench's run, with the time spent inside context.sync (Excel's side) counted apart. */
function timedRun(wb: Workbench): { run: Workbench["run"]; excelMs: () => number; reset: () => void } {
  let excel = 0;
  const run: Workbench["run"] = (batch) =>
    wb.run(async (context) => {
      const sync = context.sync.bind(context);
      context.sync = async <T>(value?: T): Promise<T> => {
        const t0 = performance.now();
        const out = await sync(value);
        excel += performance.now() - t0;
        return out;
      };
      return batch(context);
    });
  return {
    run,
    excelMs: () => excel,
    reset: () => {
      excel = 0;
    },
  };
}

/** A plan workbook of `clients` clients (the pane's copy of a rep's portfolio) and `contacts` contacts. */
async function planWorkbook(clients: number, contacts: number): Promise<Workbench> {
  const wb = createWorkbench();
  await createGateway(wb.run).createPlanWorkbook({ lang: "fr", portfolio: repCopy(clients), year: 2026 });
  if (contacts > 0) {
    const columns = schema.table("Contacts").columns;
    const rows = Array.from({ length: contacts }, (_, i) => {
      const values: Record<string, string> = {
        date: `2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
        clientId: `C${String(1 + (i % clients)).padStart(5, "0")}`,
        channel: CHANNELS[i % CHANNELS.length] ?? "visit",
        note: `n${i}`,
        source: "bench",
      };
      return columns.map((c) => values[c.id] ?? "");
    });
    await wb.run(async (context) => {
      context.workbook.tables.getItem("Contacts").rows.add(undefined, rows);
      await context.sync();
    });
  }
  return wb;
}

interface Timed {
  ms: number;
  excelMs: number;
  trips: number;
  summary: SyncSummary;
}

async function timedSync(wb: Workbench, o: RunOptions): Promise<Timed> {
  const t = timedRun(wb);
  const gateway = createSyncGateway(t.run);
  wb.stats.reset();
  const t0 = performance.now();
  const summary = await runSync(workbookHost(gateway), o);
  return { ms: performance.now() - t0, excelMs: t.excelMs(), trips: wb.stats.syncs, summary };
}

async function editTen(wb: Workbench, round: number): Promise<void> {
  const name = schema.table("Clients").columns.findIndex((c) => c.id === "name");
  await wb.run(async (context) => {
    const body = context.workbook.tables.getItem("Clients").getDataBodyRange();
    for (let i = 0; i < 10; i++) body.getCell(i * 997, name).values = [[`Edited ${round}.${i}`]];
    await context.sync();
  });
}

const line = (what: string, value: string, goal: string, ratio: number): void => {
  console.log(
    `${what.padEnd(52)} | ${value.padStart(12)} | ${goal.padStart(10)} | ${ratio.toFixed(2).padStart(6)} ${ratio <= 1 ? "ok" : "OVER"}`,
  );
};

export async function run(): Promise<void> {
  const { store, drop } = await openBenchStore("sqlite", "syncbench");
  const app = await createServer({ db: store, rateLimit: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  try {
    const options = async (name: string): Promise<RunOptions> => {
      const person = await createPerson(store.db, { name, role: "rep", email: `${name}@example.com` });
      const { token } = await createToken(store.db, person.id);
      return {
        baseUrl: `http://127.0.0.1:${port}`,
        tokens: patTokenProvider(token),
        personId: person.id,
        clientApp: "bench",
      };
    };
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}, ${os.cpus().length} cores`,
    );

    const firsts: Timed[] = [];
    const tens: Timed[] = [];
    for (let k = 0; k < 2; k++) {
      const wb = await planWorkbook(CLIENTS, CONTACTS);
      const o = await options(`bench${k}`);
      const first = await timedSync(wb, o);
      if (first.summary.pushed !== CLIENTS + CONTACTS + 1 || first.summary.offline)
        throw new Error(
          `First sync pushed ${first.summary.pushed}, offline ${String(first.summary.offline)}`,
        );
      firsts.push(first);
      for (let round = 0; round < 3; round++) {
        await editTen(wb, round);
        const ten = await timedSync(wb, o);
        if (ten.summary.pushed !== 10) throw new Error(`Ten edits pushed ${ten.summary.pushed}`);
        tens.push(ten);
      }
    }

    // The diff alone, on a 10,000-client read with 10 rows edited since the snapshot.
    const wb = await planWorkbook(CLIENTS, 0);
    const o = await options("benchdiff");
    await timedSync(wb, o);
    await editTen(wb, 9);
    const input = await createSyncGateway(wb.run).read();
    const meta = parseState(input.state);
    const local = readLocal(input, () => crypto.randomUUID(), meta.planRowId ?? crypto.randomUUID()).local;
    const diffs: number[] = [];
    for (let i = 0; i < 12; i++) {
      const copy = structuredClone(meta);
      const t0 = performance.now();
      const out = diff(copy, local, () => "m");
      diffs.push(performance.now() - t0);
      if (out.length !== 10) throw new Error(`The diff found ${out.length} rows, not 10.`);
    }

    const first = median(firsts.map((f) => f.ms));
    const ten = median(tens.map((f) => f.ms));
    const trips = Math.max(...tens.map((f) => f.trips));
    const d = median(diffs.slice(2));
    console.log(
      `\nfirst sync: ${CLIENTS.toLocaleString("en")} clients + ${CONTACTS.toLocaleString("en")} contacts, ` +
        `${firsts[0]?.summary.requests ?? 0} requests, ${firsts[0]?.trips ?? 0} Excel round trips, ` +
        `Excel side ${fmt(median(firsts.map((f) => f.excelMs)))} (median of ${firsts.length})`,
    );
    console.log(
      `ten edited rows: Excel side ${fmt(median(tens.map((f) => f.excelMs)))} (median of ${tens.length})`,
    );
    console.log("figure                                               |        value |       goal |  ratio");
    line("first sync, 10,000 clients + 50,000 contacts", fmt(first), "5000 ms", first / 5000);
    line("sync after 10 edited rows", fmt(ten), "1000 ms", ten / 1000);
    line("Excel round trips, sync after 10 edited rows", String(trips), "4", trips / 4);
    line("diff of 10,000 rows (10 changed)", fmt(d), "50 ms", d / 50);
  } finally {
    await app.close();
    await drop();
  }
}
