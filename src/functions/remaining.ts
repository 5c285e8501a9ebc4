/**
 * REMAINING: a client's remaining contacts as of a date, the core's re-forecast of one channel
 * (domain.md, Scenarios and re-forecast). Without a capacity: max(0, planned − actual), the contacts
 * CATCHUP spreads over the remaining working days. With the channel's capacity for the period, the
 * remaining demands of the whole column are re-planned in ⌊capacity × (1 − e)⌋ when they exceed it
 * (norms: largest remainder, ties by id). Same period, calendar and arguments as CATCHUP.
 */
import * as reforecast from "../core/reforecast";
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import { FunctionInputError } from "./excelErrors";
import { isOmitted, pick, readPortfolio } from "./portfolio";
import type { PeriodArgs } from "./progress";
import { elapsedAt } from "./progress";

type Arg = Matrix | Cell | undefined;

function readCapacity(value: Arg): number | null {
  if (isOmitted(value)) return null;
  const capacity = args.scalarNumber(value ?? null, "capacity", null);
  if (!(Number.isFinite(capacity) && capacity >= 0)) {
    throw new FunctionInputError(
      "value",
      `capacity is ${capacity}; give the channel's contacts for the period (0 or more)`,
      `la capacité vaut ${capacity} ; donnez les contacts du canal sur la période (0 ou plus)`,
    );
  }
  return capacity;
}

export function remainingOf(
  plannedRange: Matrix,
  actualRange: Matrix,
  capacityArg: Arg,
  which: Arg,
  ids: Arg,
  period: PeriodArgs,
): (number | string)[][] {
  const e = elapsedAt(period);
  const capacity = readCapacity(capacityArg);
  const portfolio = readPortfolio(ids, {}, [
    { range: plannedRange, field: "planned" },
    { range: actualRange, field: "actual" },
  ]);
  const planned = args.nonNegatives(plannedRange, "planned");
  const actual = args.nonNegatives(actualRange, "actual");
  args.sameSize([planned.length, actual.length], ["planned", "actual"]);
  // The clients with a plan, in the column's order; a blank plan gives a blank, as CATCHUP.
  const withPlan: { id: string; position: number; index: number }[] = [];
  portfolio.positions.forEach((index, position) => {
    // index −1: a row readPortfolio left out (blank id, or every cell blank).
    if (index >= 0 && planned[position] !== null)
      withPlan.push({ id: portfolio.clients[index].id, position, index });
  });
  const column = reforecast.reforecastColumn({
    ids: withPlan.map((m) => m.id),
    baseline: withPlan.map((m) => planned[m.position] ?? 0),
    done: withPlan.map((m) => actual[m.position] ?? 0),
    capacity,
    elapsed: e,
    started: reforecast.hasStarted(e.asOf, e),
  });
  const results: (number | string)[] = portfolio.clients.map(() => "");
  withPlan.forEach((m, k) => {
    results[m.index] = column.remaining[k] ?? 0;
  });
  return pick<number | string>(portfolio, results, which, "");
}
