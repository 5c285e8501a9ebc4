/**
 * RESPONSE: the core's ADBUDG response (domain.md) relative to the reference effort x₀ (the norm),
 * r(x) = b + (a − b)·(x/x₀)^c / (d + (x/x₀)^c) with d = (a − 1)/(1 − b), so r(x₀) = 1. Parameters left
 * blank come from the segment's defaults, else from the domain's worked example (b 0.6, a 1.2, c 0.8).
 */
import * as allocation from "../core/allocation";
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import * as keys from "./keys";

type Arg = Matrix | Cell | undefined;

function readParams(noContact: Arg, saturation: Arg, shape: Arg, segment: Arg): allocation.AdbudgParams {
  const name = args.scalarText(segment ?? null, "");
  const strategic = name === "" ? null : keys.strategicId(name);
  if (name !== "" && strategic === null)
    keys.segmentResolver(Object.keys(allocation.DEFAULT_RESPONSE_BY_SEGMENT))(name);
  const base =
    strategic === null ? allocation.DEFAULT_ADBUDG : allocation.DEFAULT_RESPONSE_BY_SEGMENT[strategic];
  const params = {
    b: args.scalarNumber(noContact ?? null, "noContact", base.b),
    a: args.scalarNumber(saturation ?? null, "saturation", base.a),
    c: args.scalarNumber(shape ?? null, "shape", base.c),
  };
  allocation.checkParams(params);
  return params;
}

/** Response (1 = the sales kept at the reference effort) of each row's effort; flat at 1 without a reference. */
export function responseOf(
  effort: Matrix,
  reference: Matrix,
  noContact: Arg,
  saturation: Arg,
  shape: Arg,
  segment: Arg,
): (number | string)[][] {
  const p = readParams(noContact, saturation, shape, segment);
  const x = args.nonNegatives(effort, "effort");
  const ref = args.nonNegatives(reference, "reference");
  const single = ref.length === 1;
  if (!single) args.sameSize([x.length, ref.length], ["effort", "reference"]);
  const shapeOf = args.cells(effort);
  const out = x.map((xi, i) => {
    const x0 = single ? ref.at(0) : ref.at(i);
    if (xi === null || x0 === null || x0 === undefined) return "";
    return allocation.adbudg(xi, x0, p);
  });
  return args.reshape(out, shapeOf.rows, shapeOf.columns);
}
