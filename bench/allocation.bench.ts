/**
 * allocateOptimized on realistic portfolios (log-normal potentials, norms 2–12, capacity ≈ 70 % of
 * Σ norms, concave ADBUDG c = 0.8, max = 3 × norm, a few minimums), against HiGHS solving the same
 * problem as a linear program over unit increments (concavity makes that LP's optimum integral).
 */
import highsLoader from "highs";
import * as allocation from "../src/core/allocation";
import { fmt, median, timeRuns } from "./stats";

interface Problem {
  clients: allocation.OptimizedClient[];
  capacity: number;
}

/** Deterministic PRNG (mulberry32) so every run solves the same problems. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(n: number, seed = 42): Problem {
  const random = rng(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const response = { a: 1.2, b: 0.6, c: 0.8 };
  const clients: allocation.OptimizedClient[] = [];
  let sumNorms = 0;
  for (let i = 0; i < n; i++) {
    const norm = 2 + Math.floor(random() * 11);
    sumNorms += norm;
    clients.push({
      id: `C${String(i).padStart(6, "0")}`,
      value: Math.exp(Math.log(50_000) + 1.2 * gaussian()),
      reference: norm,
      min: random() < 0.1 ? 1 : null,
      max: 3 * norm,
      response,
    });
  }
  return { clients, capacity: Math.round(0.7 * sumNorms) };
}

/** The increments LP in CPLEX LP format, and the objective's constant Σ v·r(L). */
function toLp(problem: Problem): { lp: string; constant: number; variables: number } {
  const { clients, capacity } = problem;
  const bounds = allocation.readBounds(clients);
  const model = allocation.buildModel(clients, bounds.upper);
  const objective: string[] = [];
  const sum: string[] = [];
  let constant = 0;
  let variables = 0;
  clients.forEach((_, i) => {
    const lower = bounds.lower[i] ?? 0;
    constant += allocation.valueAt(model, i, lower);
    for (let k = lower + 1; k <= (bounds.upper[i] ?? 0); k++) {
      const name = `y${i}_${k}`;
      objective.push(`${allocation.marginal(model, i, k)} ${name}`);
      sum.push(name);
      variables++;
    }
  });
  const names = sum;
  const lines = [
    "Maximize",
    ` obj: ${objective.join(" + ")}`,
    "Subject To",
    ` cap: ${sum.join(" + ")} = ${capacity - bounds.sumLower}`,
    "Bounds",
    ...names.map((nm) => ` 0 <= ${nm} <= 1`),
    "End",
  ];
  return { lp: lines.join("\n"), constant, variables };
}

const thousands = (n: number): string => n.toLocaleString("en-US");

export async function run(): Promise<void> {
  const highs = await highsLoader();
  for (const n of [1_000, 10_000, 100_000]) {
    const problem = generate(n);
    let result = allocation.allocateOptimized(problem);
    const runs = n >= 100_000 ? 9 : 21;
    const times = timeRuns(() => {
      result = allocation.allocateOptimized(problem);
    }, runs);
    const ours = median(times);
    const objective = result.objective ?? Number.NaN;
    let line = `${thousands(n)} clients (capacity ${thousands(problem.capacity)}): optimized ${fmt(ours)} median`;
    if (n <= 10_000) {
      const { lp, constant, variables } = toLp(problem);
      const t0 = performance.now();
      const solution = highs.solve(lp, { output_flag: false });
      const highsMs = performance.now() - t0;
      const highsObjective = solution.ObjectiveValue + constant;
      const rel = Math.abs(highsObjective - objective) / Math.abs(highsObjective);
      line +=
        ` | HiGHS ${fmt(highsMs)} (${thousands(variables)} increments, ${solution.Status})` +
        ` | objective ${objective.toFixed(4)} vs ${highsObjective.toFixed(4)} (rel diff ${rel.toExponential(1)})` +
        ` | ${Math.round(highsMs / ours)}× faster`;
    }
    console.log(line);
  }
}
