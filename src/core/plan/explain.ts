/** Per-client explanations and values for the plan. */
import type { ChannelCounts, Client } from "../types";
import type { PoolResult } from "./buildPlan";

/** The optimized allocation's value of a client: potential (× margin when given), else its sales. */
export function clientValue(client: Pick<Client, "potential" | "margin" | "salesN">): number {
  if (client.potential !== null && client.potential > 0) return client.potential * (client.margin ?? 1);
  return Math.max(0, client.salesN ?? 0);
}

const round = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** "visit: norm 10 → 7 (next one worth 123, last one 130; max binds)". */
export function describeClient(id: string, norm: ChannelCounts, pools: readonly PoolResult[]): string {
  const parts: string[] = [];
  for (const pool of pools) {
    const a = pool.result.allocations.find((x) => x.id === id);
    if (a === undefined) continue;
    const bits = [`${pool.channel}: norm ${norm[pool.channel] ?? 0} → ${a.units}`];
    const e = a.explanation;
    const detail: string[] = [];
    if (pool.result.method === "optimized") {
      if (e.lastUnitValue !== null) detail.push(`last one worth ${round(e.lastUnitValue)}`);
      if (e.nextUnitValue !== null) detail.push(`next one ${round(e.nextUnitValue)}`);
    } else if (pool.result.total < pool.demand) {
      detail.push(`scaled by ${round(pool.result.capacity / pool.demand)}`);
    }
    if (e.binding !== null) detail.push(`${e.binding} binds`);
    if (detail.length > 0) bits.push(`(${detail.join("; ")})`);
    parts.push(bits.join(" "));
  }
  return parts.join(" | ");
}
