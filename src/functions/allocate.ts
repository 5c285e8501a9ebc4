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
import { memoised } from "./memo";
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
): AllocateArgs {
  return { segments, capacity, which, ids, potential, min, max, method, channel, norms };
}

type Method = "norms" | "fill";

function readMethod(value: Arg): Method {
  const t = tracking.normaliseText(args.scalarText(value ?? null, "norms"));
  if (t === "norms" || t === "normes") return "norms";
  if (t === "fill" || t === "remplir") return "fill";
  throw new FunctionInputError(
    "value",
    `method '${t}': give "norms" (the norms, scaled down when they exceed the capacity) or "fill" (spare capacity given in proportion to potential)`,
    `méthode « ${t} » : donnez "normes" (les normes, réduites si elles dépassent la capacité) ou "remplir" (capacité restante répartie au prorata du potentiel)`,
  );
}

function readCapacity(value: Arg): number {
  const c = args.scalarNumber(value ?? null, "capacity", null);
  if (c < 0 || !Number.isInteger(c)) {
    throw new FunctionInputError(
      "num",
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
      min: { range: a.min, field: "min" },
      max: { range: a.max, field: "max" },
    },
    [{ range: a.segments, field: "segments" }],
  );
  const segmentCells = args.cells(a.segments);
  const clients: allocation.NormsClient[] = [];
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
    const counts = norms.normFor({ normOverride: null }, resolved.resolve(name), resolved.table);
    clients.push({
      id: client.id,
      demand: counts[channel] ?? 0,
      potential: client.potential,
      min: client.min,
      max: client.max,
    });
  }
  const result = allocation.allocateByNorms({ clients, capacity, fillSpare: method === "fill" });
  return { portfolio, units: result.allocations.map((x) => x.units) };
}

export function allocateOf(a: AllocateArgs): (number | string)[][] {
  const key = [a.segments, a.capacity, a.ids, a.potential, a.min, a.max, a.method, a.channel, a.norms];
  const memo = memoised(
    "ALLOCATE",
    key.map((x) => x ?? null),
    () => compute(a),
  );
  return pick<number | string>(memo.portfolio, memo.units, a.which, "");
}
