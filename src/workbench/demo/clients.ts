/**
 * The demo rep's clients: business names, places, two years of sales with a Pareto-like skew,
 * prospects (0 / 0), lost and eroding clients, and potentials.
 */
import type { Random } from "./random";
import { FORMS, PLACES_IN_TOWN, SURNAMES, TRADES } from "./names";
import { PLACES } from "./places";
import type { Place } from "./places";

export type ClientKind = "prospect" | "won" | "lost" | "eroding" | "growing" | "stable";

export interface DemoClient {
  id: string;
  name: string;
  place: Place;
  salesN1: number;
  salesN: number;
  /** null for the few clients whose potential the rep never estimated. */
  potential: number | null;
  kind: ClientKind;
}

const KINDS: readonly { kind: ClientKind; weight: number }[] = [
  { kind: "prospect", weight: 0.13 },
  { kind: "won", weight: 0.04 },
  { kind: "lost", weight: 0.05 },
  { kind: "eroding", weight: 0.15 },
  { kind: "growing", weight: 0.2 },
  { kind: "stable", weight: 0.43 },
];

/** The rep works from Angers: most clients in Maine-et-Loire, fewer in the neighbouring departments. */
const DEPARTMENT_WEIGHT: Readonly<Record<string, number>> = {
  "49": 0.5,
  "44": 0.2,
  "72": 0.12,
  "85": 0.1,
  "53": 0.08,
};

const perDepartment = new Map<string, number>();
for (const p of PLACES) perDepartment.set(p.department, (perDepartment.get(p.department) ?? 0) + 1);

function placeWeight(place: Place): number {
  const town = /(000|100|200|300)$/.test(place.postalCode) ? 4 : 1;
  return ((DEPARTMENT_WEIGHT[place.department] ?? 0) / (perDepartment.get(place.department) ?? 1)) * town;
}

// Cumulative weights, so picking a place is a binary search (the generator also makes 10,000-client books).
const CUMULATIVE: number[] = [];
for (const place of PLACES) CUMULATIVE.push((CUMULATIVE.at(-1) ?? 0) + placeWeight(place));

function pickPlace(random: Random): Place {
  const target = random.next() * (CUMULATIVE.at(-1) ?? 0);
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((CUMULATIVE[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return PLACES[lo] ?? random.pick(PLACES);
}

function businessName(random: Random, place: Place): string {
  const surname = random.pick(SURNAMES);
  const trade = random.pick(TRADES);
  switch (random.int(0, 4)) {
    case 0:
      return `${trade} ${surname}`;
    case 1:
      return `${trade} ${surname} & Fils`;
    case 2:
      return `${random.pick(FORMS)} ${surname} ${trade}`;
    case 3:
      return `${trade} ${random.pick(PLACES_IN_TOWN)}`;
    default:
      return `${trade} ${surname} – ${place.city}`;
  }
}

const round = (value: number, step: number): number => Math.round(value / step) * step;

function sales(random: Random, kind: ClientKind, potential: number): { salesN1: number; salesN: number } {
  const base = round(potential * (0.15 + random.next() * 0.6), 10);
  switch (kind) {
    case "prospect":
      return { salesN1: 0, salesN: 0 };
    case "won":
      return { salesN1: 0, salesN: round(potential * (0.05 + random.next() * 0.2), 10) };
    case "lost":
      return { salesN1: base, salesN: 0 };
    case "eroding":
      return { salesN1: base, salesN: round(base * (0.45 + random.next() * 0.4), 10) };
    case "growing":
      return { salesN1: base, salesN: round(base * (1.1 + random.next() * 0.45), 10) };
    default:
      return { salesN1: base, salesN: round(base * (0.9 + random.next() * 0.2), 10) };
  }
}

export function generateClients(random: Random, count: number): DemoClient[] {
  const names = new Set<string>();
  const clients: DemoClient[] = [];
  let code = 10_000 + random.int(0, 400);
  for (let i = 0; i < count; i++) {
    const place = pickPlace(random);
    let name = businessName(random, place);
    for (let k = 2; names.has(name); k++) name = `${businessName(random, place)}${k > 4 ? ` ${k}` : ""}`;
    names.add(name);
    const kind = random.weighted(KINDS, (k) => k.weight).kind;
    const estimate = Math.max(2_000, round(random.logNormal(28_000, 1.05), 100));
    const { salesN1, salesN } = sales(random, kind, estimate);
    const potential = Math.max(estimate, Math.ceil((Math.max(salesN1, salesN) * 1.15) / 100) * 100);
    code += random.int(1, 9);
    clients.push({
      id: `C${code}`,
      name,
      place,
      salesN1,
      salesN,
      potential: random.chance(0.02) ? null : potential,
      kind,
    });
  }
  return clients;
}
