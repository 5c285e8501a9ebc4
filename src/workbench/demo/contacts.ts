/**
 * A year of the demo rep's contacts, as a CRM would export them: visits on working days away from
 * leave, calls, video calls and e-mails, with the two habits Cadence is meant to correct (top accounts
 * over-visited, eroding clients neglected).
 */
import type { DemoClient } from "./clients";
import { CONTACT_TOPICS } from "./names";
import type { Random } from "./random";

type Channel = keyof typeof CONTACT_TOPICS;

export const PERIOD_START = "2025-12-01";
export const PERIOD_END = "2026-11-27";

const HOLIDAYS = new Set([
  "2025-12-25",
  "2026-01-01",
  "2026-04-06",
  "2026-05-01",
  "2026-05-08",
  "2026-05-14",
  "2026-05-25",
  "2026-07-14",
  "2026-08-15",
  "2026-11-01",
  "2026-11-11",
]);
const LEAVE: readonly [string, string][] = [
  ["2025-12-24", "2025-12-31"],
  ["2026-02-16", "2026-02-20"],
  ["2026-08-03", "2026-08-21"],
];

const LABELS: Readonly<Record<Channel, readonly string[]>> = {
  visit: ["Visite", "Visite", "Visite", "Visite", "RDV"],
  video: ["Visio"],
  call: ["Appel", "Appel", "Appel", "Téléphone"],
  digital: ["E-mail", "E-mail", "E-mail", "Mail"],
};

/** Working days of the period (Mon–Fri, not public holidays, not on leave), as ISO dates. */
export function workingDays(): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${PERIOD_START}T00:00:00Z`);
    t <= Date.parse(`${PERIOD_END}T00:00:00Z`);
    t += 86_400_000
  ) {
    const date = new Date(t);
    const iso = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay();
    const onLeave = LEAVE.some(([from, to]) => iso >= from && iso <= to);
    if (weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(iso) && !onLeave) days.push(iso);
  }
  return days;
}

/** Plain code-unit order (ISO dates and client codes sort correctly, much faster than localeCompare). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function poisson(random: Random, mean: number): number {
  // Knuth's method: fine for the small means used here.
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k++;
    p *= random.next();
  }
  return k;
}

/** Expected contacts per channel in the year for one client. */
function intensity(client: DemoClient, rank: number, count: number): Record<Channel, number> {
  const weight = Math.sqrt((client.salesN + 0.3 * (client.potential ?? client.salesN)) / 20_000);
  const top = rank < count * 0.05;
  switch (client.kind) {
    case "prospect":
      return { visit: 0.8, video: 0.2, call: 1.5, digital: 2 };
    case "lost":
      return { visit: 0.3, video: 0, call: 1, digital: 1 };
    case "eroding":
      // The habit to correct: at-risk clients get fewer visits than their weight deserves.
      return { visit: 0.5 + weight * 1.2, video: 0.3, call: 1 + weight, digital: 2 };
    default:
      return {
        visit: Math.min(top ? 22 : 13, 1 + weight * (top ? 5 : 3)),
        video: 0.3 + weight * 0.4,
        call: 1 + weight * 2,
        digital: 1 + weight * 2,
      };
  }
}

export function generateContacts(random: Random, clients: readonly DemoClient[]): (string | number)[][] {
  const days = workingDays();
  const byRank = [...clients].sort((a, b) => b.salesN - a.salesN || compare(a.id, b.id));
  const rows: [string, string, string, string, string][] = [];
  byRank.forEach((client, rank) => {
    const means = intensity(client, rank, clients.length);
    for (const channel of Object.keys(means) as Channel[]) {
      const n = poisson(random, means[channel]);
      for (let i = 0; i < n; i++) {
        rows.push([
          random.pick(days),
          client.id,
          client.name,
          random.pick(LABELS[channel]),
          random.pick(CONTACT_TOPICS[channel]),
        ]);
      }
    }
  });
  rows.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  return rows;
}
