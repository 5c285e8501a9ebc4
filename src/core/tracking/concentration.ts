/**
 * Effort concentration: is the effort (weighted contacts) where the potential is?
 * - Top-20 % ratio: the top ⌈20 %⌉ of clients by salesN (ties by id ascending) get a share of the
 *   weighted contacts; divided by their share of the potential. > 1: the top is over-served.
 * - Lorenz curve of contacts against potential: clients sorted by contacts per unit of potential,
 *   ascending (ties by id); x = cumulative share of potential, y = cumulative share of weighted
 *   contacts, from (0, 0) to (1, 1). Clients with neither potential nor contacts are left out;
 *   contacted clients without potential come last (their effort serves no potential).
 * - Gini = 1 − Σ (xₖ − xₖ₋₁)(yₖ + yₖ₋₁), in [0, 1]: 0 when contacts are exactly proportional to
 *   potential, towards 1 when all the effort goes where there is little potential.
 */

export interface ConcentrationClient {
  id: string;
  salesN: number | null;
  potential: number | null;
  /** Weighted contacts (visit-equivalents). */
  effort: number;
}

export interface LorenzPoint {
  /** Cumulative share of potential. */
  x: number;
  /** Cumulative share of weighted contacts. */
  y: number;
  /** The client whose step ends at this point (null for the origin). */
  clientId: string | null;
}

export interface Concentration {
  /** Clients in the top 20 % by salesN. */
  topIds: string[];
  topEffortShare: number | null;
  topPotentialShare: number | null;
  /** topEffortShare / topPotentialShare; null when either total is 0. */
  topRatio: number | null;
  /** Null when there is no potential or no effort at all. */
  curve: LorenzPoint[] | null;
  gini: number | null;
}

export const TOP_SHARE = 0.2;

const positive = (v: number | null): number => (v !== null && Number.isFinite(v) && v > 0 ? v : 0);
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function topIds(clients: readonly ConcentrationClient[], share = TOP_SHARE): string[] {
  // The tolerance keeps float noise (0.3 × 10 = 3.0000000000000004) from adding a client.
  const count = Math.ceil(clients.length * share - 1e-9);
  return [...clients]
    .sort((a, b) => positive(b.salesN) - positive(a.salesN) || byId(a, b))
    .slice(0, count)
    .map((c) => c.id);
}

export function lorenzCurve(clients: readonly ConcentrationClient[]): LorenzPoint[] | null {
  const rows = clients
    .map((c) => ({ id: c.id, p: positive(c.potential), e: positive(c.effort) }))
    .filter((r) => r.p > 0 || r.e > 0);
  const totalP = rows.reduce((s, r) => s + r.p, 0);
  const totalE = rows.reduce((s, r) => s + r.e, 0);
  if (totalP <= 0 || totalE <= 0) return null;
  // Compare e₁/p₁ with e₂/p₂ by cross-multiplying, so zero potentials sort last without dividing.
  rows.sort((a, b) => a.e * b.p - b.e * a.p || byId(a, b));
  const curve: LorenzPoint[] = [{ x: 0, y: 0, clientId: null }];
  let cumP = 0;
  let cumE = 0;
  for (const r of rows) {
    cumP += r.p;
    cumE += r.e;
    curve.push({ x: cumP / totalP, y: cumE / totalE, clientId: r.id });
  }
  return curve;
}

export function giniOf(curve: readonly LorenzPoint[]): number {
  let area2 = 0;
  for (let k = 1; k < curve.length; k++) {
    const a = curve[k - 1];
    const b = curve[k];
    area2 += (b.x - a.x) * (b.y + a.y);
  }
  return Math.min(1, Math.max(0, 1 - area2));
}

export function concentrationOf(clients: readonly ConcentrationClient[], share = TOP_SHARE): Concentration {
  const ids = topIds(clients, share);
  const top = new Set(ids);
  let effort = 0;
  let potential = 0;
  let topEffort = 0;
  let topPotential = 0;
  for (const c of clients) {
    const e = positive(c.effort);
    const p = positive(c.potential);
    effort += e;
    potential += p;
    if (top.has(c.id)) {
      topEffort += e;
      topPotential += p;
    }
  }
  const topEffortShare = effort > 0 ? topEffort / effort : null;
  const topPotentialShare = potential > 0 ? topPotential / potential : null;
  const topRatio =
    topEffortShare !== null && topPotentialShare !== null && topPotentialShare > 0
      ? topEffortShare / topPotentialShare
      : null;
  const curve = lorenzCurve(clients);
  return {
    topIds: ids,
    topEffortShare,
    topPotentialShare,
    topRatio,
    curve,
    gini: curve === null ? null : giniOf(curve),
  };
}
