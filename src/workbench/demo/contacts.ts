/**
 * A year of the demo rep's contacts (period.ts), as a CRM would export them: visits on working days away from
 * leave, calls, video calls and e-mails, with the two habits Cadence is meant to correct (top accounts
 * over-visited, eroding clients neglected).
 */
import type { DemoClient } from "./clients";
import { CONTACT_TOPICS } from "./names";
import type { Random } from "./random";
import { workingDays } from "./period";
import type { DemoPeriod } from "./period";

type Channel = keyof typeof CONTACT_TOPICS;

const LABELS: Readonly<Record<Channel, readonly string[]>> = {
  visit: ["Visite", "Visite", "Visite", "Visite", "RDV"],
  video: ["Visio"],
  call: ["Appel", "Appel", "Appel", "Téléphone"],
  digital: ["E-mail", "E-mail", "E-mail", "Mail"],
};

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

export function generateContacts(
  random: Random,
  clients: readonly DemoClient[],
  period: DemoPeriod,
): (string | number)[][] {
  const days = workingDays(period);
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
