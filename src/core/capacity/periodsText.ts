/**
 * Dated leave, RTT or non-field periods as a rep types them and as the workbook's Settings and the
 * CLI record them: "2026-08-03:2026-08-21, 2026-12-24:2026-12-31". Also read: French dates
 * (03/08/2026), "du … au …", "from … to …", "..", dashes, ";" or line breaks between periods, and a
 * single date for one day. One parser for every face.
 */
import * as calendar from "../calendar";
import { CoreError } from "../errors";
import type { DatedPeriod } from "./datedDays";

export type DatedPeriodsProblem = "badDate" | "endBeforeStart" | "notAPeriod";

/** A dated periods text that does not read: the field (as the face names it), the part and why. */
export class InvalidDatedPeriodsError extends CoreError<"invalidDatedPeriods"> {
  constructor(field: string, part: string, problem: DatedPeriodsProblem) {
    const why =
      problem === "badDate"
        ? "is not a real date"
        : problem === "endBeforeStart"
          ? "ends before it starts"
          : "is not a period (2026-08-03:2026-08-21 or 03/08/2026 - 21/08/2026)";
    super("invalidDatedPeriods", { field, part, problem }, `${field}: '${part}' ${why}`);
    this.name = "InvalidDatedPeriodsError";
  }
}

const DATE = /(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4})/g;
/** What may surround and join the dates of one period. */
const CONNECTORS = /^(?:\s|:|\.\.|-|–|—|\bdu\b|\bau\b|\bfrom\b|\bto\b)*$/i;

const pad = (n: string): string => n.padStart(2, "0");

function isoOf(m: RegExpExecArray, field: string, part: string): string {
  // Groups 1–3: year, month, day (ISO); 4–6: day, month, year (French). An unmatched group is undefined.
  const groups: readonly (string | undefined)[] = m;
  const g = (i: number): string => groups[i] ?? "";
  const iso = g(1) !== "" ? `${g(1)}-${pad(g(2))}-${pad(g(3))}` : `${g(6)}-${pad(g(5))}-${pad(g(4))}`;
  try {
    calendar.parseIsoDate(iso);
  } catch {
    throw new InvalidDatedPeriodsError(field, part, "badDate");
  }
  return iso;
}

/** Reads dated periods (both ends inclusive); "" or blanks give none. Throws InvalidDatedPeriodsError. */
export function parseDatedPeriods(text: string, field: string): DatedPeriod[] {
  const parts = text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.map((part) => {
    const dates: string[] = [];
    let rest = "";
    let last = 0;
    for (const m of part.matchAll(DATE)) {
      dates.push(isoOf(m, field, part));
      rest += part.slice(last, m.index);
      last = m.index + m[0].length;
    }
    rest += part.slice(last);
    if (dates.length === 0 || dates.length > 2 || !CONNECTORS.test(rest))
      throw new InvalidDatedPeriodsError(field, part, "notAPeriod");
    const start = dates[0] ?? "";
    const end = dates[1] ?? start;
    if (end < start) throw new InvalidDatedPeriodsError(field, part, "endBeforeStart");
    return { start, end };
  });
}

/** The periods as the workbook and the CLI record them: "2026-08-03:2026-08-21, 2026-12-24:2026-12-31". */
export function formatDatedPeriods(periods: readonly DatedPeriod[]): string {
  return periods.map((p) => `${p.start}:${p.end}`).join(", ");
}
