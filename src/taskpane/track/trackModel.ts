/** Tracking figures from what the workbook holds: the Clients table (with the plan) and the Contacts log. */
import * as parse from "../../core/parse";
import type * as tracking from "../../core/tracking";
import type { CellValue, Channel, ChannelCounts } from "../../core/types";
import { DEFAULT_CHANNELS } from "../../core/types";
import type { SourceRead } from "../../excel/gateway.types";
import { segmentIdOf } from "../i18n/labels";

export interface TrackedPortfolio {
  plan: tracking.PlanRow[];
  names: ReadonlyMap<string, string>;
}

const num = (cell: CellValue): number | null => {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (typeof cell === "string" && cell.trim() !== "" && Number.isFinite(Number(cell))) return Number(cell);
  return null;
};

const columnOf = (ids: Readonly<Record<string, number>>, id: string): number | undefined =>
  Object.hasOwn(ids, id) ? ids[id] : undefined;

/**
 * Plan rows from the Clients table: base fields through the core's header detection, the plan
 * through the Cadence column ids the gateway reports (so renamed headers do not matter).
 */
export function planFromClients(
  read: SourceRead,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): TrackedPortfolio {
  const parsed = parse.parsePortfolio(read.grid, { firstRow: read.location.headerRow, channels });
  const ids = read.cadenceColumns;
  const plan: tracking.PlanRow[] = [];
  const names = new Map<string, string>();
  for (const client of parsed.clients) {
    const row = read.grid[client.row - read.location.headerRow] ?? [];
    const segmentIndex = columnOf(ids, "segment");
    const segment = segmentIndex === undefined ? "" : segmentIdOf(String(row[segmentIndex] ?? ""));
    const planned: ChannelCounts = {};
    for (const ch of channels) {
      const index = columnOf(ids, `planned.${ch.id}`);
      const value = index === undefined ? null : num(row[index]);
      if (value !== null) planned[ch.id] = value;
    }
    plan.push({
      id: client.id,
      segment,
      planned,
      salesN: client.salesN,
      salesN1: client.salesN1,
      potential: client.potential,
    });
    names.set(client.id, client.name);
  }
  return { plan, names };
}
