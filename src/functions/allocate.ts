/**
 * ALLOCATE: the capacity shared among clients by the norms of their segments (domain.md, Allocation),
 * computed once per distinct set of columns (memoised) and spilled, or picked by row inside a table.
 */
import * as allocation from "../core/allocation";
import * as norms from "../core/norms";
import * as tracking from "../core/tracking";
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import { FunctionInputError } from "./excelErrors";
import * as keys from "./keys";
import type { Invocation } from "./memo";
import { keyAt, memoised } from "./memo";
import { readNorms } from "./normTable";
import type { Portfolio } from "./portfolio";
import { pick, readPortfolio } from "./portfolio";

type Arg = Matrix | Cell | undefined;

export interface AllocateArgs {
  segments: Matrix;
  capacity: Arg;
  which: Arg;
  ids: Arg;
  potential: Arg;
  min: Arg;
  max: Arg;
  method: Arg;
  channel: Arg;
  norms: Arg;
  salesN: Arg;
  invocation?: Invocation;
}

export function allocateArgs(
  segments: Matrix,
  capacity: Arg,
  which: Arg,
  ids: Arg,
  potential: Arg,
  min: Arg,
  max: Arg,
  method: Arg,
  channel: Arg,
  norms: Arg,
  salesN: Arg,
  invocation?: Invocation,
): AllocateArgs {
  return { segments, capacity, which, ids, potential, min, max, method, channel, norms, salesN, invocation };
}

type Method = "norms" | "fill" | "optimized";

function readMethod(value: Arg): Method {
  const t = tracking.normaliseText(args.scalarText(value ?? null, "norms"));
  if (t === "norms" || t === "normes") return "norms";
  if (t === "fill" || t === "remplir") return "fill";
  if (t === "optimized" || t === "optimised" || t === "optimise" || t === "optimize") return "optimized";
  throw new FunctionInputError(
    "value",
    `method '${t}': give "norms" (the norms, scaled down when they exceed the capacity) "fill" (spare capacity given in proportion to potential) or "optimized" (most sales response for the capacity)`,
    `méthode « ${t} » : donnez "normes" (les normes, réduites si elles dépassent la capacité) "remplir" (capacité restante répartie au prorata du potentiel) ou "optimisé" (la meilleure réponse des ventes pour la capacité)`,
  );
}

function readCapacity(value: Arg): number {
  const c = args.scalarNumber(value ?? null, "capacity", null);
  if (c < 0 || !Number.isInteger(c)) {
    throw new FunctionInputError(
      "value",
      `capacity is ${c}; it must be a whole number ≥ 0`,
      `la capacité vaut ${c} ; ce doit être un entier ≥ 0`,
    );
  }
  return c;
}

interface AllocationMemo {
  portfolio: Portfolio;
  units: number[];
}

function compute(a: AllocateArgs): AllocationMemo {
  const capacity = readCapacity(a.capacity);
  const method = readMethod(a.method);
  const resolved = readNorms(a.norms);
  const channel = keys.resolveChannel(args.scalarText(a.channel ?? null, "visit"));
  const portfolio = readPortfolio(
    a.ids,
    {
      potential: { range: a.potential, field: "potential" },
      salesN: { range: a.salesN, field: "salesN" },
      min: { range: a.min, field: "min" },
      max: { range: a.max, field: "max" },
    },
    [{ range: a.segments, field: "segments" }],
  );
  const segmentCells = args.cells(a.segments);
  const clients: allocation.OptimizedClient[] = [];
  const demands: number[] = [];
  const potentials: (number | null)[] = [];
  for (let p = 0; p < portfolio.positions.length; p++) {
    const index = portfolio.positions[p] ?? -1;
    if (index < 0) continue;
    const client = portfolio.clients[index];
    const name = args.text(segmentCells.values[p]);
    const at = args.where(p, segmentCells.columns);
    if (name === "") {
      throw new FunctionInputError(
        "value",
        `${at.en}: the segment is blank`,
        `${at.fr} : le segment est vide`,
      );
    }
    const key = resolved.resolve(name);
    const demand = norms.normFor({ normOverride: null }, key, resolved.table)[channel] ?? 0;
    const strategic = keys.strategicId(key) ?? keys.strategicId(name);
    const potential = client.potential !== null && client.potential > 0 ? client.potential : null;
    demands.push(demand);
    potentials.push(potential);
    clients.push({
      id: client.id,
      value: potential ?? Math.max(0, client.salesN ?? 0),
      reference: demand,
      response:
        strategic === null ? allocation.DEFAULT_ADBUDG : allocation.DEFAULT_RESPONSE_BY_SEGMENT[strategic],
      min: client.min,
      max: client.max,
    });
  }
  const result =
    method === "optimized"
      ? allocation.allocateOptimized({ clients, capacity })
      : allocation.allocateByNorms({
          clients: clients.map((c, i) => ({
            ...c,
            demand: demands[i] ?? 0,
            potential: potentials[i] ?? null,
          })),
          capacity,
          fillSpare: method === "fill",
        });
  return { portfolio, units: result.allocations.map((x) => x.units) };
}

export function allocateOf(a: AllocateArgs): (number | string)[][] {
  const params = [
    a.segments,
    a.capacity,
    a.which,
    a.ids,
    a.potential,
    a.min,
    a.max,
    a.method,
    a.channel,
    a.norms,
    a.salesN,
  ];
  // The key leaves out `which` (parameter 2): every row of a table shares one allocation.
  const key = keyAt(params, [0, 1, 3, 4, 5, 6, 7, 8, 9, 10], a.invocation);
  const memo = memoised("ALLOCATE", key.args, () => compute(a), key.addresses);
  return pick<number | string>(memo.portfolio, memo.units, a.which, "");
}
