/** Per-client explanations and values for the plan. */
import type { ClientAllocation } from "../allocation/types";
import type { ChannelCounts, Client } from "../types";
import type { PoolResult } from "./buildPlan";

/** The optimized allocation's value of a client: potential (× margin when given), else its sales. */
export function clientValue(client: Pick<Client, "potential" | "margin" | "salesN">): number {
  if (client.potential !== null && client.potential > 0) return client.potential * (client.margin ?? 1);
  return Math.max(0, client.salesN ?? 0);
}

/** Each pool's allocations by client id, built once per allocation list (a find per client was quadratic). */
const byId = new WeakMap<readonly ClientAllocation[], Map<string, ClientAllocation>>();
function allocationOf(allocations: readonly ClientAllocation[], id: string): ClientAllocation | undefined {
  let index = byId.get(allocations);
  if (index === undefined) {
    index = new Map();
    // The first allocation of an id wins, as find did.
    for (const a of allocations) if (!index.has(a.id)) index.set(a.id, a);
    byId.set(allocations, index);
  }
  return index.get(id);
}

const round = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));
const roundFr = (x: number): string => round(x).replace(".", ",");

/**
 * "visit: norm 10 → 7 (next one worth 123, last one 130; max binds)", or in French
 * "visite : norme 10 → 7 (la suivante vaut 123, la dernière 130 ; le max borne)".
 */
export function describeClient(
  id: string,
  norm: ChannelCounts,
  pools: readonly PoolResult[],
  lang: "en" | "fr" = "en",
): string {
  const fr = lang === "fr";
  const r = fr ? roundFr : round;
  const parts: string[] = [];
  for (const pool of pools) {
    const a = allocationOf(pool.result.allocations, id);
    if (a === undefined) continue;
    const bits = [
      fr
        ? `${pool.channel} : norme ${norm[pool.channel] ?? 0} → ${a.units}`
        : `${pool.channel}: norm ${norm[pool.channel] ?? 0} → ${a.units}`,
    ];
    const e = a.explanation;
    const detail: string[] = [];
    if (pool.result.method === "optimized") {
      if (e.lastUnitValue !== null)
        detail.push(fr ? `la dernière vaut ${r(e.lastUnitValue)}` : `last one worth ${r(e.lastUnitValue)}`);
      if (e.nextUnitValue !== null)
        detail.push(fr ? `la suivante ${r(e.nextUnitValue)}` : `next one ${r(e.nextUnitValue)}`);
    } else if (pool.result.total < pool.demand) {
      const factor = pool.demand > 0 ? pool.result.capacity / pool.demand : 0;
      detail.push(fr ? `réduite d'un facteur ${r(factor)}` : `scaled by ${r(factor)}`);
    }
    if (e.binding !== null) {
      const bound = e.binding === "max" ? (fr ? "le maximum" : "max") : fr ? "le minimum" : "min";
      detail.push(fr ? `${bound} s'applique` : `${bound} binds`);
    }
    if (detail.length > 0) bits.push(`(${detail.join(fr ? " ; " : "; ")})`);
    parts.push(bits.join(" "));
  }
  return parts.join(" | ");
}
