/**
 * The dashboard's chart sources from a portfolio's tracking: weighted planned and actual per
 * strategic segment, and the concentration (Lorenz) curve of contacts against potential sampled
 * at 11 evenly spaced shares of potential.
 */
import type { Segment } from "../types";
import { STRATEGIC_SEGMENTS } from "../types";
import type { LorenzPoint } from "./concentration";
import { lorenzCurve } from "./concentration";
import type { ClientTracking } from "./track";

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

/** [weighted planned, weighted actual] per segment, in the segments' order (2 decimals). */
export function plannedActualBySegment(
  clients: readonly ClientTracking[],
  segments: readonly Segment[] = STRATEGIC_SEGMENTS,
): number[][] {
  return segments.map((s) => {
    let planned = 0;
    let actual = 0;
    for (const c of clients) {
      if (c.segment !== s.id) continue;
      planned += c.plannedWeighted;
      actual += c.actualWeighted;
    }
    return [round(planned, 2), round(actual, 2)];
  });
}

/** The Lorenz curve sampled at 11 evenly spaced shares of potential (3 decimals); the diagonal without a curve. */
export function lorenzDeciles(points: readonly Pick<LorenzPoint, "x" | "y">[] | null): number[][] {
  return Array.from({ length: 11 }, (_, k) => {
    const x = k / 10;
    if (points === null) return [x, x];
    const after = points.findIndex((p) => p.x >= x);
    const b = points[after] ?? { x: 1, y: 1 };
    const a = points[after - 1] ?? b;
    const y = b.x === a.x ? b.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    return [x, round(y, 3)];
  });
}

/** The curve of a tracked portfolio (contacts weighted, against potential). */
export function effortCurve(clients: readonly ClientTracking[]): number[][] {
  return lorenzDeciles(
    lorenzCurve(
      clients.map((c) => ({ id: c.id, salesN: c.salesN, potential: c.potential, effort: c.actualWeighted })),
    ),
  );
}
