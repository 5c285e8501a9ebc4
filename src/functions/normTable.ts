/**
 * A norm table given as a range: a header row (a corner cell, then channel names) and one row per
 * segment (its name, then contacts per year). Without a range, the domain's DEFAULT_NORMS apply.
 */
import * as norms from "../core/norms";
import type { ChannelCounts, SegmentId } from "../core/types";
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import { FunctionInputError } from "./excelErrors";
import * as keys from "./keys";
import { isOmitted } from "./portfolio";

export interface ResolvedNorms {
  table: norms.NormTable;
  resolve: (segmentName: string) => SegmentId;
}

const DEFAULT: ResolvedNorms = {
  table: norms.DEFAULT_NORMS,
  resolve: keys.segmentResolver(Object.keys(norms.DEFAULT_NORMS)),
};

export function readNorms(range: Matrix | Cell | undefined): ResolvedNorms {
  if (isOmitted(range) || !Array.isArray(range)) return DEFAULT;
  const m = range as Matrix;
  const header = m[0] ?? [];
  if (m.length < 2 || header.length < 2) {
    throw new FunctionInputError(
      "value",
      "norms: give a table with a header row (channels) and one row per segment",
      "normes : donnez un tableau avec une ligne d'en-tête (canaux) et une ligne par segment",
    );
  }
  const channels = header.slice(1).map((h) => keys.resolveChannel(args.text(h)));
  const table: Record<SegmentId, ChannelCounts> = {};
  m.slice(1).forEach((row, r) => {
    const name = args.text(row[0]);
    if (name === "") return;
    const counts: ChannelCounts = {};
    const values = args.nonNegatives([row.slice(1)], `norms (segment ${name})`);
    channels.forEach((ch, c) => {
      counts[ch] = values[c] ?? 0;
    });
    if (Object.hasOwn(table, name)) {
      throw new FunctionInputError(
        "value",
        `norms row ${r + 2}: segment '${name}' is listed twice`,
        `normes ligne ${r + 2} : le segment « ${name} » figure deux fois`,
      );
    }
    table[name] = counts;
  });
  return { table, resolve: keys.segmentResolver(Object.keys(table)) };
}
