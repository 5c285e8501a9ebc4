/** PACE, STATUS, REACH, COVERAGE, OVERDUE and CATCHUP: following the plan through the year (domain.md). */
import * as calendar from "../core/calendar";
import * as tracking from "../core/tracking";
import { statusText } from "../core/workbook/schema";
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import { FunctionInputError, toExcelError } from "./excelErrors";
import { calendarFor } from "./planning";

type Arg = Matrix | Cell | undefined;

export interface PeriodArgs {
  asOf: Arg;
  start: Arg;
  end: Arg;
  country: Arg;
  region: Arg;
  /** Days not worked: dates or dated periods (the elapsed share and the days left skip them). */
  daysOff?: Arg;
}

export function period(
  asOf: Arg,
  start: Arg,
  end: Arg,
  country: Arg,
  region: Arg,
  daysOff?: Arg,
): PeriodArgs {
  return { asOf, start, end, country, region, daysOff };
}

/** The period (default: the calendar year of the as-of date) and its elapsed share at the as-of date. */
export function elapsedAt(p: PeriodArgs): tracking.Elapsed & { asOf: string; start: string; end: string } {
  const asOf = args.scalarDate(p.asOf ?? null, "asOf");
  const start = args.cells(p.start ?? null).values[0];
  const startIso = args.date(start, "start") ?? `${asOf.slice(0, 4)}-01-01`;
  const endIso = args.date(args.cells(p.end ?? null).values[0], "end") ?? `${startIso.slice(0, 4)}-12-31`;
  const cal = calendarFor(p.country, p.region, p.daysOff);
  return {
    ...tracking.elapsedShare({ start: startIso, end: endIso }, asOf, cal),
    asOf,
    start: startIso,
    end: endIso,
  };
}

function readTolerance(value: Arg): number {
  const t = args.scalarNumber(value ?? null, "tolerance", tracking.DEFAULT_TOLERANCE);
  if (!(t >= 0 && t < 1)) {
    throw new FunctionInputError(
      "value",
      `tolerance is ${t}; give a share between 0 and 1 (e.g. 0.2 for 20 %)`,
      `la tolérance vaut ${t} ; donnez une part entre 0 et 1 (par exemple 0,2 pour 20 %)`,
    );
  }
  return t;
}

interface Rows {
  actual: (number | null)[];
  planned: (number | null)[];
  rows: number;
  columns: number;
}

function readRows(actual: Matrix, planned: Matrix): Rows {
  const a = args.nonNegatives(actual, "actual");
  const p = args.nonNegatives(planned, "planned");
  args.sameSize([a.length, p.length], ["actual", "planned"]);
  const shape = args.cells(planned);
  return { actual: a, planned: p, rows: shape.rows, columns: shape.columns };
}

/** Pace = actual / (planned × elapsed share), row by row; blank without a plan or before anything is due. */
export function paceOf(actual: Matrix, planned: Matrix, period: PeriodArgs): (number | string)[][] {
  const { share } = elapsedAt(period);
  const r = readRows(actual, planned);
  const out = r.planned.map((p, i) => {
    if (p === null) return "";
    return tracking.paceOf(r.actual[i] ?? 0, p, share) ?? "";
  });
  return args.reshape(out, r.rows, r.columns);
}

function statuses(actual: Matrix, planned: Matrix, tolerance: Arg, period: PeriodArgs) {
  const t = readTolerance(tolerance);
  const { share } = elapsedAt(period);
  const r = readRows(actual, planned);
  const list = r.planned.map((p, i) =>
    p === null ? null : tracking.statusOf(r.actual[i] ?? 0, tracking.plannedToDate(p, share), p, t),
  );
  return { list, rows: r.rows, columns: r.columns };
}

export function statusOf(
  actual: Matrix,
  planned: Matrix,
  tolerance: Arg,
  language: Arg,
  period: PeriodArgs,
): string[][] {
  const lang = tracking.normaliseText(args.scalarText(language ?? null, "en")) === "fr" ? "fr" : "en";
  const s = statuses(actual, planned, tolerance, period);
  const out = s.list.map((status) => (status === null ? "" : statusText(status, lang)));
  return args.reshape(out, s.rows, s.columns);
}

/** Reach = planned clients with at least one contact / clients with a plan. */
export function reachOf(actual: Matrix, planned: Matrix): number | string {
  const r = readRows(actual, planned);
  let plannedClients = 0;
  let reached = 0;
  r.planned.forEach((p, i) => {
    if (p === null || !(p > 0)) return;
    plannedClients++;
    if ((r.actual[i] ?? 0) > 0) reached++;
  });
  return plannedClients > 0 ? reached / plannedClients : "";
}

/** Coverage = planned clients whose status is not Under / clients with a plan. */
export function coverageOf(
  actual: Matrix,
  planned: Matrix,
  tolerance: Arg,
  period: PeriodArgs,
): number | string {
  const s = statuses(actual, planned, tolerance, period);
  const withPlan = s.list.filter((x) => x !== null && x !== "NoPlan");
  if (withPlan.length === 0) return "";
  return withPlan.filter((x) => x !== "Under").length / withPlan.length;
}

/** Overdue when the days since the last contact exceed 365 / planned visits per year. */
export function overdueOf(lastContact: Matrix, plannedVisits: Matrix, asOf: Arg): (boolean | string)[][] {
  const today = calendar.isoToDayNumber(args.scalarDate(asOf ?? null, "asOf"));
  const last = args.cells(lastContact);
  const planned = args.nonNegatives(plannedVisits, "plannedVisits");
  args.sameSize([last.values.length, planned.length], ["lastContact", "plannedVisits"]);
  const out = last.values.map((v, i) => {
    const p = planned[i] ?? null;
    if (p === null) return "";
    const iso = args.date(v, "lastContact", args.where(i, last.columns));
    const days = iso === null ? null : today - calendar.isoToDayNumber(iso);
    return tracking.isOverdue(days, p);
  });
  return args.reshape(out, last.rows, last.columns);
}

/** Catch-up = remaining planned contacts / working days left after the as-of date, row by row. */
export function catchUpOf(
  planned: Matrix,
  actual: Matrix,
  period: PeriodArgs,
): (number | string | CustomFunctions.Error)[][] {
  const e = elapsedAt(period);
  const r = readRows(actual, planned);
  const out = r.planned.map((p, i) => {
    if (p === null) return "";
    const remaining = tracking.remainingOf(p, r.actual[i] ?? 0);
    const rate = tracking.catchUpOf(remaining, e.remainingDays);
    if (rate !== null) return rate;
    const at = args.where(i, r.columns);
    return toExcelError(
      new FunctionInputError(
        "value",
        `${at.en}: ${remaining} contacts remain but no working day is left before ${e.end}`,
        `${at.fr} : il reste ${remaining} contacts mais plus aucun jour ouvré avant le ${e.end}`,
      ),
    );
  });
  return args.reshape(out, r.rows, r.columns);
}
