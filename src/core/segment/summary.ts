import type { Client, SegmentId } from "../types";
import type { SegmentAssignment } from "./strategic";

export interface SegmentSummary {
  segment: SegmentId;
  clients: number;
  /** Σ salesN (blanks count as 0). */
  salesN: number;
  /** Σ potential (blanks count as 0). */
  potential: number;
}

/**
 * Per segment: client count, Σ salesN, Σ potential. Segments come out in the order given by
 * `order` (e.g. STRATEGIC_SEGMENTS ids; listed even when empty), then any others by first appearance.
 * Clients without an assignment are skipped.
 */
export function summariseSegments(
  clients: readonly Client[],
  assignments: ReadonlyMap<string, SegmentAssignment>,
  order: readonly SegmentId[] = [],
): SegmentSummary[] {
  const bySegment = new Map<SegmentId, SegmentSummary>();
  for (const id of order) bySegment.set(id, { segment: id, clients: 0, salesN: 0, potential: 0 });
  for (const c of clients) {
    const a = assignments.get(c.id);
    if (!a) continue;
    let s = bySegment.get(a.segment);
    if (!s) {
      s = { segment: a.segment, clients: 0, salesN: 0, potential: 0 };
      bySegment.set(a.segment, s);
    }
    s.clients += 1;
    s.salesN += c.salesN ?? 0;
    s.potential += c.potential ?? 0;
  }
  return [...bySegment.values()];
}
