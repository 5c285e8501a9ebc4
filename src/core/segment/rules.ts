import { CoreError } from "../errors";
import type { Client, SegmentId } from "../types";
import type { ClientFacts } from "./facts";
import { computeFacts, EPSILON, trendBasis } from "./facts";
import { checkAbcThresholds, checkMonthsN } from "./params";
import type { Decision, SegmentAssignment, StrategicParams } from "./strategic";
import { assignment, DEFAULT_STRATEGIC_PARAMS } from "./strategic";

export const NUMERIC_FIELDS = ["salesN", "salesN1", "potential", "trend", "shareOfWallet"] as const;
export const CLASS_FIELDS = ["abcSales", "abcSalesN1", "abcPotential"] as const;
export const OPERATORS = ["<", "<=", ">", ">=", "=", "!="] as const;

export type ConditionField = (typeof NUMERIC_FIELDS)[number] | (typeof CLASS_FIELDS)[number];
export type Operator = (typeof OPERATORS)[number];

export interface Condition {
  field: ConditionField;
  op: Operator;
  value: number | string;
}

/** A user rule: the client gets `segment` when every condition holds (an empty list always holds). */
export interface SegmentRule {
  segment: SegmentId;
  when: Condition[];
}

export class RuleValidationError extends CoreError<"invalidRule"> {
  constructor(
    readonly ruleIndex: number | null,
    readonly conditionIndex: number | null,
    readonly field: string | null,
    readonly reason: string,
  ) {
    const where =
      ruleIndex === null
        ? ""
        : `rule ${ruleIndex + 1}${conditionIndex === null ? "" : `, condition ${conditionIndex + 1}`}: `;
    super("invalidRule", { ruleIndex, conditionIndex, field, reason }, `${where}${reason}`);
    this.name = "RuleValidationError";
  }
}

const isNumericField = (f: string): boolean => (NUMERIC_FIELDS as readonly string[]).includes(f);
const isClassField = (f: string): boolean => (CLASS_FIELDS as readonly string[]).includes(f);

/**
 * Checks rules given as data (e.g. read from a sheet or JSON): known fields and operators, numbers
 * for numeric fields, "A" / "B" / "C" with = or != for class fields, non-empty segment ids.
 * Throws RuleValidationError naming the first offending rule and condition.
 */
export function validateRules(rules: unknown, fallback: unknown): asserts rules is SegmentRule[] {
  if (typeof fallback !== "string" || fallback.trim() === "") {
    throw new RuleValidationError(null, null, null, "the fallback segment must be a non-empty id");
  }
  if (!Array.isArray(rules)) throw new RuleValidationError(null, null, null, "rules must be a list");
  rules.forEach((rule: unknown, r) => {
    if (typeof rule !== "object" || rule === null)
      throw new RuleValidationError(r, null, null, "not an object");
    const { segment, when } = rule as { segment?: unknown; when?: unknown };
    if (typeof segment !== "string" || segment.trim() === "") {
      throw new RuleValidationError(r, null, null, "the segment must be a non-empty id");
    }
    if (!Array.isArray(when))
      throw new RuleValidationError(r, null, null, "'when' must be a list of conditions");
    when.forEach((cond: unknown, c) => {
      if (typeof cond !== "object" || cond === null)
        throw new RuleValidationError(r, c, null, "not an object");
      const { field, op, value } = cond as { field?: unknown; op?: unknown; value?: unknown };
      const name = typeof field === "string" ? field : null;
      if (name === null || (!isNumericField(name) && !isClassField(name))) {
        throw new RuleValidationError(
          r,
          c,
          name,
          `unknown field '${String(field)}' (known: ${[...NUMERIC_FIELDS, ...CLASS_FIELDS].join(", ")})`,
        );
      }
      if (typeof op !== "string" || !(OPERATORS as readonly string[]).includes(op)) {
        throw new RuleValidationError(
          r,
          c,
          name,
          `bad operator '${String(op)}' (known: ${OPERATORS.join(" ")})`,
        );
      }
      if (isNumericField(name)) {
        if (typeof value !== "number" || !Number.isFinite(value)) {
          throw new RuleValidationError(r, c, name, `'${name}' needs a number, got '${String(value)}'`);
        }
      } else {
        if (value !== "A" && value !== "B" && value !== "C") {
          throw new RuleValidationError(r, c, name, `'${name}' needs A, B or C, got '${String(value)}'`);
        }
        if (op !== "=" && op !== "!=") {
          throw new RuleValidationError(r, c, name, `'${name}' can only be compared with = or !=`);
        }
      }
    });
  });
}

function fieldValue(f: ClientFacts, field: ConditionField): number | string | null {
  switch (field) {
    case "salesN":
      return f.salesN;
    case "salesN1":
      return f.salesN1;
    case "potential":
      return f.potential;
    case "trend":
      return f.trend;
    case "shareOfWallet":
      return f.share;
    case "abcSales":
      return f.abcSales;
    case "abcSalesN1":
      return f.abcSalesN1;
    case "abcPotential":
      return f.abcPotential;
  }
}

/** Whether a condition holds; an undefined value (blank potential, no trend…) never satisfies it. */
export function holds(f: ClientFacts, cond: Condition): boolean {
  const v = fieldValue(f, cond.field);
  if (v === null) return false;
  if (typeof v === "string" || typeof cond.value === "string") {
    return cond.op === "=" ? v === cond.value : cond.op === "!=" ? v !== cond.value : false;
  }
  const eps = EPSILON * Math.max(1, Math.abs(v), Math.abs(cond.value));
  const d = v - cond.value;
  switch (cond.op) {
    case "<":
      return d < -eps;
    case "<=":
      return d <= eps;
    case ">":
      return d > eps;
    case ">=":
      return d >= -eps;
    case "=":
      return Math.abs(d) <= eps;
    case "!=":
      return Math.abs(d) > eps;
  }
}

function describe(cond: Condition): string {
  return `${cond.field} ${cond.op} ${String(cond.value)}`;
}

/** A rule that reads the trend says what the trend compared (same months of N-1 when CA N covers fewer). */
const basisOf = (rule: SegmentRule, f: ClientFacts, lang: "en" | "fr"): string =>
  rule.when.some((c) => c.field === "trend") ? trendBasis(f, lang) : "";

/**
 * User-defined ordered rules: the first rule whose conditions all hold gives the segment, else
 * `fallback`. Facts are those of the strategic segments (blank sales as 0, ABC once over the
 * portfolio, the trend over the same months when CA N covers `monthsN` < 12). A row's
 * segmentOverride still wins. Rules are validated first (RuleValidationError).
 */
export function segmentByRules(
  clients: readonly Client[],
  rules: readonly SegmentRule[],
  fallback: SegmentId,
  params: Partial<Pick<StrategicParams, "a" | "b" | "monthsN">> = {},
): Map<string, SegmentAssignment> {
  validateRules(rules, fallback);
  const thresholds = { a: params.a ?? DEFAULT_STRATEGIC_PARAMS.a, b: params.b ?? DEFAULT_STRATEGIC_PARAMS.b };
  checkAbcThresholds(thresholds);
  const monthsN = params.monthsN ?? DEFAULT_STRATEGIC_PARAMS.monthsN;
  checkMonthsN(monthsN);
  const facts = computeFacts(clients, thresholds, monthsN);
  const out = new Map<string, SegmentAssignment>();
  for (const c of clients) {
    const f = facts.get(c.id);
    if (!f) continue;
    const index = rules.findIndex((rule) => rule.when.every((cond) => holds(f, cond)));
    const rule = index >= 0 ? rules[index] : undefined;
    const decided: Decision = rule
      ? {
          segment: rule.segment,
          reason: `Rule ${index + 1} (${rule.segment})${rule.when.length ? `: ${rule.when.map(describe).join(" and ")}` : ""}${basisOf(rule, f, "en")}`,
          reasonFr: `Règle ${index + 1} (${rule.segment})${rule.when.length ? ` : ${rule.when.map(describe).join(" et ")}` : ""}${basisOf(rule, f, "fr")}`,
          noPotential: false,
        }
      : {
          segment: fallback,
          reason: `No rule matched: fallback ${fallback}`,
          reasonFr: `Aucune règle ne s'applique : segment par défaut ${fallback}`,
          noPotential: false,
        };
    out.set(c.id, assignment(c, f, decided));
  }
  return out;
}
