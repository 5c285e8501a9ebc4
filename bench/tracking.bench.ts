/**
 * Tracking benchmark: 10,000 clients and 200,000 contacts spread over the working days of 2026,
 * tracked as of 2026-09-30. Goal: tracking ≤ 100 ms median. Also prints the KPIs and the parsing of
 * the same contacts as a grid (Excel serial dates, French channel names, client ids).
 */
import * as calendar from "../src/core/calendar";
import * as tracking from "../src/core/tracking";
import type { CellValue } from "../src/core/types";
import { fmt, median, timeRuns } from "./stats";

const CLIENTS = 10_000;
const CONTACTS = 200_000;

/** Deterministic PRNG (mulberry32), so every run measures the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = ["retain", "develop", "atRisk", "maintain", "prospect"] as const;
const CHANNELS = [
  ["visit", "Visite"],
  ["video", "RDV visio"],
  ["call", "Appel sortant"],
  ["digital", "E-mail"],
] as const;

function generate(): { plan: tracking.PlanRow[]; contacts: tracking.Contact[]; workingDays: string[] } {
  const random = prng(2026);
  const cal = calendar.createWorkCalendar({ country: "FR" });
  const workingDays = calendar.eachDay("2026-01-01", "2026-12-31").filter((d) => cal.isWorkingDay(d));
  const plan: tracking.PlanRow[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const segment = SEGMENTS[Math.floor(random() * SEGMENTS.length)] ?? "maintain";
    const potential = Math.round(1000 * Math.exp(random() * 6));
    plan.push({
      id: `C${String(i).padStart(5, "0")}`,
      segment,
      planned: {
        visit: Math.floor(random() * 12),
        video: Math.floor(random() * 4),
        call: Math.floor(random() * 8),
        digital: Math.floor(random() * 6),
      },
      salesN: Math.round(potential * random()),
      salesN1: Math.round(potential * random()),
      potential,
    });
  }
  const contacts: tracking.Contact[] = [];
  for (let k = 0; k < CONTACTS; k++) {
    // Skewed towards the first clients, as real portfolios are.
    const client = plan[Math.floor(CLIENTS * random() ** 1.6)] ?? plan[0];
    const [channel] = CHANNELS[Math.floor(random() * CHANNELS.length)] ?? CHANNELS[0];
    const date = workingDays[Math.floor(random() * workingDays.length)] ?? "2026-01-02";
    contacts.push({ date, clientId: client.id, channel, note: `n${k % 97}`, source: "bench", row: k + 2 });
  }
  return { plan, contacts, workingDays };
}

/** Process CPU time per run (user + system), less sensitive than wall time to other load on the machine. */
function cpuRuns(fn: () => void, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    out.push((used.user + used.system) / 1000);
  }
  return out;
}

export async function run(): Promise<void> {
  const { plan, contacts } = generate();
  const cal = calendar.createWorkCalendar({ country: "FR" });
  const input: tracking.TrackingInput = {
    plan,
    contacts,
    period: { start: "2026-01-01", end: "2026-12-31" },
    asOf: "2026-09-30",
    calendar: cal,
  };

  let result = tracking.trackClients(input);
  const samples = timeRuns(() => (result = tracking.trackClients(input)), 21, 3);
  const trackMs = median(samples);
  const cpuMs = median(cpuRuns(() => (result = tracking.trackClients(input)), 21));
  console.log(
    `tracking 10,000 clients × 200,000 contacts: ${fmt(trackMs)} median (goal ≤ 100 ms; ${(trackMs / 100).toFixed(2)}× the budget), best ${fmt(Math.min(...samples))}, CPU time ${fmt(cpuMs)} median`,
  );

  const kpiMs = median(timeRuns(() => tracking.portfolioKpis(result), 15, 3));
  const kpis = tracking.portfolioKpis(result);
  console.log(`portfolio KPIs (incl. Lorenz curve and Gini) on 10,000 clients: ${fmt(kpiMs)} median`);
  console.log(
    `  attainment ${kpis.attainment?.toFixed(3)}, reach ${kpis.reach?.toFixed(3)}, coverage ${kpis.coverage?.toFixed(3)}, gini ${kpis.concentration.gini?.toFixed(3)}`,
  );

  const names = new Map(CHANNELS.map(([id, name]) => [id as string, name as string]));
  const grid: CellValue[][] = [["Date", "Code client", "Canal", "Commentaire"]];
  for (const c of contacts)
    grid.push([tracking.isoToExcelSerial(c.date), c.clientId, names.get(c.channel) ?? c.channel, c.note]);
  const clients = plan.map((p) => ({ id: p.id, name: `Client ${p.id}` }));
  let parsed = tracking.parseContacts(grid, clients);
  const parseMs = median(timeRuns(() => (parsed = tracking.parseContacts(grid, clients)), 5, 1));
  console.log(
    `parsing a 200,000-row contacts grid: ${fmt(parseMs)} median (${parsed.contacts.length} contacts, ${parsed.duplicates.length} duplicates, ${parsed.unmatched.length} unmatched)`,
  );
  await Promise.resolve();
}
