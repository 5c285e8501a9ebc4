/**
 * Scenarios compared on the same portfolio (domain.md, Scenarios and re-forecast): each scenario is
 * a named set of the plan's choices (PlanOptions); each is planned by buildPlan and reported as its
 * capacity, planned per segment and channel, clients left at zero, expected response, utilisation;
 * then the clients whose plan changes most between them.
 * - Expected response: Σ clientValue × r(weighted planned), r the segment's ADBUDG response around
 *   the client's weighted norm (the optimized model's), whatever method planned it.
 * - Utilisation per channel that has a capacity: planned contacts of the channel / its capacity.
 * - Change of a client: max − min of its weighted planned over the scenarios (ties by id).
 */
import * as allocation from "../allocation";
import * as norms from "../norms";
import * as plan from "../plan";
import type { ChannelCounts, Client, SegmentId } from "../types";
import { DEFAULT_CHANNELS } from "../types";

export interface Scenario {
  name: string;
  options: plan.PlanOptions;
}

export interface ScenarioFigures {
  name: string;
  /** The capacity the plan shared out, per channel (its pools summed). */
  capacity: ChannelCounts;
  /** Planned contacts per segment and channel. */
  planned: Record<SegmentId, ChannelCounts>;
  /** Planned contacts per channel, all segments. */
  total: ChannelCounts;
  leftAtZero: number;
  expectedResponse: number;
  /** Per channel with a capacity: planned / capacity. */
  utilisation: ChannelCounts;
}

export interface ClientChange {
  id: string;
  /** Weighted planned in each scenario, in the scenarios' order. */
  weighted: number[];
  /** max − min of `weighted`. */
  change: number;
}

export interface ScenarioComparison {
  scenarios: ScenarioFigures[];
  /** The clients whose plan changes most, largest change first (at most `top`, changes > 0 only). */
  changes: ClientChange[];
}

function figuresOf(
  name: string,
  clients: readonly Client[],
  result: plan.PlanResult,
  o: plan.PlanOptions,
): ScenarioFigures {
  const channels = o.channels ?? DEFAULT_CHANNELS;
  const capacity: ChannelCounts = {};
  for (const p of result.pools) capacity[p.channel] = (capacity[p.channel] ?? 0) + p.result.capacity;
  const planned: Record<SegmentId, ChannelCounts> = {};
  const total: ChannelCounts = {};
  let expectedResponse = 0;
  result.clients.forEach((c, i) => {
    const bySegment = (planned[c.segment] ??= {});
    for (const [ch, n] of Object.entries(c.planned)) {
      bySegment[ch] = (bySegment[ch] ?? 0) + (n ?? 0);
      total[ch] = (total[ch] ?? 0) + (n ?? 0);
    }
    const response = plan.responseFor(c.segment, o.responses);
    // buildPlan's clients are the portfolio's, in order.
    if (response !== null)
      expectedResponse +=
        plan.clientValue(clients[i]) *
        allocation.adbudg(c.weightedPlanned, norms.weighted(c.norm, channels), response);
  });
  const utilisation: ChannelCounts = {};
  for (const [ch, cap] of Object.entries(capacity))
    if (cap !== undefined && cap > 0) utilisation[ch] = (total[ch] ?? 0) / cap;
  return {
    name,
    capacity,
    planned,
    total,
    leftAtZero: result.leftAtZero.length,
    expectedResponse,
    utilisation,
  };
}

export function compareScenarios(
  clients: readonly Client[],
  scenarios: readonly Scenario[],
  top = 10,
): ScenarioComparison {
  const results = scenarios.map((s) => plan.buildPlan(clients, s.options));
  const figures = scenarios.map((s, k) => figuresOf(s.name, clients, results[k], s.options));
  const changes = clients
    .map((c, i): ClientChange => {
      const weighted = results.map((r) => r.clients[i]?.weightedPlanned ?? 0);
      return { id: c.id, weighted, change: Math.max(...weighted) - Math.min(...weighted) };
    })
    .filter((c) => c.change > 0)
    .sort((a, b) => b.change - a.change || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, top);
  return { scenarios: figures, changes };
}
