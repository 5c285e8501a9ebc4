/** Pure derivations of the plan from the wizard's choices (no DOM, no gateway). */
import * as norms from "../../core/norms";
import * as parse from "../../core/parse";
import * as plan from "../../core/plan";
import * as segment from "../../core/segment";
import { DEFAULT_CHANNELS } from "../../core/types";
import type { ChannelCounts, Client, Segment, SegmentId } from "../../core/types";
import type { PlanChoices, SegmentationChoices } from "./planModel.types";
import { DEFAULT_RULES } from "./rulesText";

// core/capacity's defaults file alone: the module's index pulls the holiday calendar into the first chunk.
import { DEFAULT_PROSPECTING_SHARE, DEFAULT_REMOTE_PER_DAY } from "../../core/capacity/defaults";

/** Norms for the ABC method's classes, next to the strategic defaults (editable in the Norms step). */
const ABC_NORMS: norms.NormTable = {
  A: { visit: 10, call: 6 },
  B: { visit: 6, call: 4 },
  C: { visit: 2, call: 3 },
};

export function defaultChoices(year: number): PlanChoices {
  return {
    source: null,
    mapping: {},
    ownSheet: false,
    segmentation: {
      method: "strategic",
      params: { ...segment.DEFAULT_STRATEGIC_PARAMS },
      abcMeasure: "salesN",
      rules: DEFAULT_RULES,
      fallback: "maintain",
      overrides: {},
    },
    norms: { ...norms.DEFAULT_NORMS, ...ABC_NORMS },
    channels: DEFAULT_CHANNELS,
    capacity: {
      year,
      country: "FR",
      region: "",
      leaveDays: 25,
      leavePeriods: [],
      rttDays: 0,
      rttPeriods: [],
      nonFieldDays: 20,
      contactsPerDay: { visit: 4 },
      remoteShare: 0,
      remotePerDay: DEFAULT_REMOTE_PER_DAY,
      prospectingShare: DEFAULT_PROSPECTING_SHARE,
    },
    allocation: "norms",
    shortfall: { mode: "proportional", floor: false },
  };
}

/** A required column the source lacks: the client's id or name, and this year's sales. */
export type MissingColumn = "idOrName" | "salesN";

/** The required columns the read did not find (read from the parse's columns, whatever the issues say). */
export function missingColumns(parsed: parse.PortfolioParse): MissingColumn[] {
  const found = new Set(parsed.columns.map((c) => c.field));
  const missing: MissingColumn[] = [];
  if (!found.has("id") && !found.has("name")) missing.push("idOrName");
  if (!found.has("salesN")) missing.push("salesN");
  return missing;
}

/** A plan needs something to allocate: field visits or remote visit-equivalents. */
export function hasCapacity(result: {
  perChannel: ChannelCounts;
  remote: { visitEquivalents: number };
}): boolean {
  return (result.perChannel.visit ?? 0) > 0 || result.remote.visitEquivalents > 0;
}

export function parseSource(choices: PlanChoices): parse.PortfolioParse | null {
  if (choices.source === null) return null;
  return parse.parsePortfolio(choices.source.grid, {
    mapping: choices.mapping,
    channels: choices.channels,
    firstRow: choices.source.location.headerRow,
  });
}

export function segmentationChoice(choices: SegmentationChoices): plan.SegmentationChoice {
  const thresholds = { a: choices.params.a, b: choices.params.b };
  switch (choices.method) {
    case "strategic":
      return { method: "strategic", params: choices.params };
    case "abc":
      return { method: "abc", measure: choices.abcMeasure, thresholds };
    case "crossAbc":
      return { method: "crossAbc", thresholds };
    case "rules":
      return {
        method: "rules",
        rules: choices.rules,
        fallback: choices.fallback,
        thresholds,
        monthsN: choices.params.monthsN,
      };
  }
}

export function segmentsFor(choices: SegmentationChoices): readonly Segment[] {
  return plan.segmentsOf(segmentationChoice(choices));
}

/** The pane's per-client overrides become the rows' forced segment, which the core honours. */
export function withOverrides(
  clients: readonly Client[],
  overrides: Readonly<Record<string, SegmentId>>,
): Client[] {
  return clients.map((c) =>
    Object.hasOwn(overrides, c.id) ? { ...c, segmentOverride: overrides[c.id] ?? null } : c,
  );
}

export interface SegmentedClient {
  client: Client;
  segment: SegmentId;
  reason: string;
  forced: boolean;
}

export function segmentClients(clients: readonly Client[], choices: SegmentationChoices): SegmentedClient[] {
  const forcedClients = withOverrides(clients, choices.overrides);
  const assignments = plan.segmentPortfolio(forcedClients, segmentationChoice(choices));
  return forcedClients.map((client) => {
    const a = assignments.get(client.id);
    return {
      client,
      segment: a?.segment ?? "maintain",
      reason: a?.reason ?? "",
      forced: a?.flags.includes("override") === true,
    };
  });
}

export interface SegmentRow {
  segment: SegmentId;
  clients: number;
  salesN: number;
  potential: number;
}

/** Clients, sales and potential per segment, in the method's order (empty segments kept). */
export function summarise(segmented: readonly SegmentedClient[], segments: readonly Segment[]): SegmentRow[] {
  const rows = new Map<SegmentId, SegmentRow>(
    segments.map((s) => [s.id, { segment: s.id, clients: 0, salesN: 0, potential: 0 }]),
  );
  for (const { client, segment: id } of segmented) {
    const row = rows.get(id) ?? { segment: id, clients: 0, salesN: 0, potential: 0 };
    row.clients += 1;
    row.salesN += client.salesN ?? 0;
    row.potential += client.potential ?? 0;
    rows.set(id, row);
  }
  return [...rows.values()];
}

/** Σ norm per channel over every client (with per-client norm overrides): what the norms ask for. */
export function demandPerChannel(
  segmented: readonly SegmentedClient[],
  table: norms.NormTable,
): ChannelCounts {
  const total: Record<string, number> = {};
  for (const { client, segment: id } of segmented) {
    if (!Object.hasOwn(table, id)) continue;
    for (const [channel, count] of Object.entries(norms.normFor(client, id, table))) {
      total[channel] = (total[channel] ?? 0) + (count ?? 0);
    }
  }
  return total;
}
