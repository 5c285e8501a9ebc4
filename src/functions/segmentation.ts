/** ABC and SEGMENT: whole-portfolio classifications, memoised, spilled or picked by row. */
import * as segment from "../core/segment";
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import { FunctionInputError } from "./excelErrors";
import * as keys from "./keys";
import type { Invocation } from "./memo";
import { keyAt, memoised } from "./memo";
import type { Portfolio } from "./portfolio";
import { pick, readPortfolio } from "./portfolio";

type Arg = Matrix | Cell | undefined;

interface AbcMemo {
  portfolio: Portfolio;
  classes: string[];
  /** First (best-ranked) row holding each measure value, for ABC picked by value. */
  firstByValue: Map<number, number>;
}

function thresholds(a: Arg, b: Arg): segment.AbcThresholds {
  const t = {
    a: args.scalarNumber(a ?? null, "a", segment.DEFAULT_ABC_THRESHOLDS.a),
    b: args.scalarNumber(b ?? null, "b", segment.DEFAULT_ABC_THRESHOLDS.b),
  };
  if (!(t.a > 0 && t.a <= t.b && t.b <= 1)) {
    throw new FunctionInputError(
      "value",
      `thresholds a = ${t.a} and b = ${t.b}: they need 0 < a ≤ b ≤ 1 (e.g. 0.8 and 0.95)`,
      `seuils a = ${t.a} et b = ${t.b} : il faut 0 < a ≤ b ≤ 1 (par exemple 0,8 et 0,95)`,
    );
  }
  return t;
}

/** ABC classes on a measure; `which` picks rows by id (with ids) or by the row's own measure value. */
export function abcOf(
  measure: Matrix,
  which: Arg,
  ids: Arg,
  a: Arg,
  b: Arg,
  invocation?: Invocation,
): string[][] {
  // The key leaves out `which` (parameter 1).
  const key = keyAt([measure, which, ids, a, b], [0, 2, 3, 4], invocation);
  const memo = memoised(
    "ABC",
    key.args,
    (): AbcMemo => {
      const t = thresholds(a, b);
      const portfolio = readPortfolio(ids, { salesN: { range: measure, field: "measure" } });
      const result = segment.abc(
        portfolio.clients.map((c) => ({ id: c.id, value: c.salesN })),
        t,
      );
      const classes = portfolio.clients.map((c) => result.get(c.id)?.class ?? "C");
      const firstByValue = new Map<number, number>();
      const values = args.numbers(measure, "measure");
      values.forEach((v, position) => {
        if (v !== null && !firstByValue.has(v)) firstByValue.set(v, position);
      });
      return { portfolio, classes, firstByValue };
    },
    key.addresses,
  );
  return pick(memo.portfolio, memo.classes, which, "", (cell) => {
    const v = args.numbers(cell, "which").at(0);
    return v === null || v === undefined ? undefined : memo.firstByValue.get(v);
  });
}

/** Strategic segments (domain.md) from sales N, N-1 and potential; labels in English, French or ids. */
export function segmentOf(
  salesN: Matrix,
  salesN1: Matrix,
  potential: Matrix,
  which: Arg,
  ids: Arg,
  language: Arg,
  invocation?: Invocation,
): string[][] {
  const lang = keys.readLabelLanguage(args.scalarText(language ?? null, "en"));
  // The key leaves out `which` and `language` (parameters 3 and 5): labels are applied after.
  const key = keyAt([salesN, salesN1, potential, which, ids, language], [0, 1, 2, 4], invocation);
  const memo = memoised(
    "SEGMENT",
    key.args,
    () => {
      const portfolio = readPortfolio(ids, {
        salesN: { range: salesN, field: "salesN" },
        salesN1: { range: salesN1, field: "salesN1" },
        potential: { range: potential, field: "potential" },
      });
      const assigned = segment.strategicSegments(portfolio.clients);
      return { portfolio, segments: portfolio.clients.map((c) => assigned.get(c.id)?.segment ?? "") };
    },
    key.addresses,
  );
  // Label only the rows returned, so a per-row call stays O(1) after the memoised segmentation.
  return pick(memo.portfolio, memo.segments, which, "").map((row) =>
    row.map((s) => (s === "" ? "" : keys.segmentLabel(s, lang))),
  );
}
