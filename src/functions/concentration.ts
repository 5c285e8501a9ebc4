/** CONCENTRATION: is the effort where the potential is? Top-20 % ratio or Gini over the whole portfolio. */
import * as tracking from "../core/tracking";
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import { FunctionInputError } from "./excelErrors";
import { memoised } from "./memo";
import { readPortfolio } from "./portfolio";

type Arg = Matrix | Cell | undefined;
type Measure = "ratio" | "gini" | "effort" | "potential";

const MEASURES: Partial<Record<string, Measure>> = {
  ratio: "ratio",
  gini: "gini",
  effort: "effort",
  effort_share: "effort",
  potential: "potential",
  potentiel: "potential",
};

function readMeasure(value: Arg): Measure {
  const t = tracking.normaliseText(args.scalarText(value ?? null, "ratio"));
  const m = MEASURES[t.replace(/\s+/g, "_")];
  if (m !== undefined) return m;
  throw new FunctionInputError(
    "value",
    `measure '${t}': give "ratio", "gini", "effort" or "potential"`,
    `mesure « ${t} » : donnez "ratio", "gini", "effort" ou "potentiel"`,
  );
}

/**
 * ratio: share of effort the top 20 % of clients by sales get / their share of potential (> 1: the
 * top is over-served); gini: Gini index of effort against potential; effort / potential: the top's shares.
 */
export function concentrationOf(
  salesN: Matrix,
  potential: Matrix,
  effort: Matrix,
  measure: Arg,
): number | string {
  const m = readMeasure(measure);
  const result = memoised("CONCENTRATION", [salesN, potential, effort], () => {
    const portfolio = readPortfolio(
      undefined,
      { salesN: { range: salesN, field: "salesN" }, potential: { range: potential, field: "potential" } },
      [{ range: effort, field: "effort" }],
    );
    const efforts = args.nonNegatives(effort, "effort");
    return tracking.concentrationOf(
      portfolio.clients.map((c) => ({
        id: c.id,
        salesN: c.salesN,
        potential: c.potential,
        effort: efforts[c.row - 1] ?? 0,
      })),
    );
  });
  const value =
    m === "ratio"
      ? result.topRatio
      : m === "gini"
        ? result.gini
        : m === "effort"
          ? result.topEffortShare
          : result.topPotentialShare;
  return value ?? "";
}
