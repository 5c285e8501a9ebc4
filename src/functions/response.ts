/**
 * RESPONSE: the ADBUDG response of domain.md relative to the reference effort x₀ (the norm),
 * r(x) = b + (a − b)·(x/x₀)^c / (d + (x/x₀)^c) with d = (a − 1)/(1 − b), so r(x₀) = 1.
 * Written here because the core's ADBUDG is not yet published; it follows the domain formula exactly.
 */
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import { FunctionInputError } from "./excelErrors";

type Arg = Matrix | Cell | undefined;

/** The domain page's worked example: 60 % of sales kept without contact, 120 % at saturation. */
export const DEFAULT_RESPONSE = { noContact: 0.6, saturation: 1.2, shape: 0.8 };

export function adbudg(x: number, x0: number, b: number, a: number, c: number): number {
  const d = (a - 1) / (1 - b);
  const t = (x / x0) ** c;
  return b + ((a - b) * t) / (d + t);
}

function readParams(noContact: Arg, saturation: Arg, shape: Arg): { b: number; a: number; c: number } {
  const b = args.scalarNumber(noContact ?? null, "noContact", DEFAULT_RESPONSE.noContact);
  const a = args.scalarNumber(saturation ?? null, "saturation", DEFAULT_RESPONSE.saturation);
  const c = args.scalarNumber(shape ?? null, "shape", DEFAULT_RESPONSE.shape);
  if (!(b >= 0 && b < 1 && a > 1 && c > 0)) {
    throw new FunctionInputError(
      "num",
      `response parameters noContact = ${b}, saturation = ${a}, shape = ${c}: they need 0 ≤ noContact < 1 < saturation and shape > 0`,
      `paramètres de réponse sansContact = ${b}, saturation = ${a}, forme = ${c} : il faut 0 ≤ sansContact < 1 < saturation et forme > 0`,
    );
  }
  return { b, a, c };
}

/** Response (1 = the sales kept at the reference effort) of each row's effort, row by row. */
export function responseOf(
  effort: Matrix,
  reference: Matrix,
  noContact: Arg,
  saturation: Arg,
  shape: Arg,
): (number | string)[][] {
  const p = readParams(noContact, saturation, shape);
  const x = args.nonNegatives(effort, "effort");
  const ref = args.nonNegatives(reference, "reference");
  const single = ref.length === 1;
  if (!single) args.sameSize([x.length, ref.length], ["effort", "reference"]);
  const shape2 = args.cells(effort);
  const out = x.map((xi, i) => {
    const x0 = single ? ref.at(0) : ref.at(i);
    if (xi === null || x0 === null || x0 === undefined) return "";
    if (!(x0 > 0)) {
      const at = args.where(i, shape2.columns);
      throw new FunctionInputError(
        "num",
        `${at.en}: the reference effort is ${x0}; it must be > 0`,
        `${at.fr} : l'effort de référence vaut ${x0} ; il doit être > 0`,
      );
    }
    return adbudg(xi, x0, p.b, p.a, p.c);
  });
  return args.reshape(out, shape2.rows, shape2.columns);
}
