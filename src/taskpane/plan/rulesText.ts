/**
 * User-defined segmentation rules as text a rep can read and edit, one rule per line, first match wins:
 *   prospect: salesN = 0 and salesN1 = 0
 *   atRisk: trend <= -10%
 *   retain: abcPotential != C and shareOfWallet >= 50%
 * Segments by id or French/English label; fields by id or French name (CA N, CA N-1, potentiel,
 * tendance, part, ABC CA, ABC potentiel); "and"/"et" between conditions; "always"/"toujours" for none.
 */
import * as segment from "../../core/segment";
import type { Condition, ConditionField, Operator, SegmentRule } from "../../core/segment";
import type { Segment } from "../../core/types";
import { segmentIdOf } from "../../core/types";

export type RulesParse = { ok: true; rules: SegmentRule[] } | { ok: false; line: number; reason: string };

const FIELD_ALIASES: Readonly<Partial<Record<string, ConditionField>>> = {
  salesn: "salesN",
  can: "salesN",
  salesn1: "salesN1",
  can1: "salesN1",
  potential: "potential",
  potentiel: "potential",
  trend: "trend",
  tendance: "trend",
  shareofwallet: "shareOfWallet",
  share: "shareOfWallet",
  part: "shareOfWallet",
  abcsales: "abcSales",
  abcca: "abcSales",
  abcsalesn1: "abcSalesN1",
  abccan1: "abcSalesN1",
  abcpotential: "abcPotential",
  abcpotentiel: "abcPotential",
};

const key = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const CONDITION = /^(.+?)\s*(<=|>=|!=|<>|=|<|>)\s*(.+)$/;

function parseValue(field: ConditionField, raw: string): number | string | null {
  const text = raw.trim();
  if (field === "abcSales" || field === "abcSalesN1" || field === "abcPotential")
    return /^[abc]$/i.test(text) ? text.toUpperCase() : null;
  const percent = text.endsWith("%");
  const n = Number(text.replace(/%$/, "").replace(/\s/g, "").replace(",", ".").replace("−", "-"));
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

function parseCondition(text: string): Condition | string {
  const m = CONDITION.exec(text.trim());
  if (m === null) return `'${text.trim()}' is not a condition like 'trend <= -10%'`;
  const field = FIELD_ALIASES[key(m.at(1) ?? "")];
  if (field === undefined) return `unknown field '${(m.at(1) ?? "").trim()}'`;
  const value = parseValue(field, m.at(3) ?? "");
  if (value === null) return `'${(m.at(3) ?? "").trim()}' is not a valid value for ${field}`;
  const op = (m.at(2) === "<>" ? "!=" : m.at(2)) as Operator;
  return { field, op, value };
}

export function parseRules(text: string, segments: readonly Segment[]): RulesParse {
  const rules: SegmentRule[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const colon = line.indexOf(":");
    if (colon < 0) return { ok: false, line: i + 1, reason: "write 'segment: conditions'" };
    const id = segmentIdOf(line.slice(0, colon), segments);
    if (id === null)
      return { ok: false, line: i + 1, reason: `unknown segment '${line.slice(0, colon).trim()}'` };
    const body = line.slice(colon + 1).trim();
    const when: Condition[] = [];
    if (!/^(always|toujours)$/i.test(body)) {
      for (const part of body.split(/\s+(?:and|et)\s+/i)) {
        const condition = parseCondition(part);
        if (typeof condition === "string") return { ok: false, line: i + 1, reason: condition };
        when.push(condition);
      }
    }
    rules.push({ segment: id, when });
  }
  try {
    segment.validateRules(rules, segments[0]?.id ?? "maintain");
  } catch (error: unknown) {
    if (error instanceof segment.RuleValidationError) return { ok: false, line: 0, reason: error.message };
    throw error;
  }
  return { ok: true, rules };
}

const shown = (c: Condition): string =>
  typeof c.value === "number" && (c.field === "trend" || c.field === "shareOfWallet")
    ? `${c.field} ${c.op} ${Math.round(c.value * 1000) / 10}%`
    : `${c.field} ${c.op} ${String(c.value)}`;

export function formatRules(rules: readonly SegmentRule[]): string {
  return rules
    .map((r) => `${r.segment}: ${r.when.length === 0 ? "always" : r.when.map(shown).join(" and ")}`)
    .join("\n");
}

/** A starting point close to the strategic segments (clients without potential aside), for reps to adapt. */
export const DEFAULT_RULES: readonly SegmentRule[] = [
  {
    segment: "prospect",
    when: [
      { field: "salesN", op: "=", value: 0 },
      { field: "salesN1", op: "=", value: 0 },
    ],
  },
  {
    segment: "atRisk",
    when: [
      { field: "salesN1", op: ">", value: 0 },
      { field: "abcSalesN1", op: "!=", value: "C" },
      { field: "trend", op: "<=", value: -0.1 },
    ],
  },
  {
    segment: "retain",
    when: [
      { field: "abcPotential", op: "!=", value: "C" },
      { field: "shareOfWallet", op: ">=", value: 0.5 },
    ],
  },
  { segment: "develop", when: [{ field: "abcPotential", op: "!=", value: "C" }] },
];
