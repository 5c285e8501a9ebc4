/**
 * allocateOptimized on realistic portfolios (log-normal potentials, norms 2–12, capacity ≈ 70 % of
 * Σ norms, concave ADBUDG c = 0.8, max = 3 × norm, a few minimums), against HiGHS solving the same
 * problem as a linear program over unit increments (concavity makes that LP's optimum integral).
 */
import { availableParallelism, loadavg } from "node:os";
import highsLoader from "highs";
import * as allocation from "../src/core/allocation";
import { fmt, median } from "./stats";

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

/** The increments LP in CPLEX LP format (8 terms a line), and the objective's constant Σ v·r(L). */
function toLp(problem: Problem): { lp: string; constant: number; variables: number } {
  const { clients, capacity } = problem;
  const bounds = allocation.readBounds(clients);
  const model = allocation.buildModel(clients, bounds.upper);
  const objective: string[] = [];
  const names: string[] = [];
  let constant = 0;
  clients.forEach((_, i) => {
    const lower = bounds.lower[i] ?? 0;
    constant += allocation.valueAt(model, i, lower);
    for (let k = lower + 1; k <= (bounds.upper[i] ?? 0); k++) {
      const name = `y${i}_${k}`;
      objective.push(`${allocation.marginal(model, i, k)} ${name}`);
      names.push(name);
    }
  });
  const wrap = (terms: readonly string[]): string => {
    const lines: string[] = [];
    for (let i = 0; i < terms.length; i += 8) lines.push(`  ${terms.slice(i, i + 8).join(" + ")}`);
    return lines.join("\n  + ");
  };
  const lp = [
    "Maximize",
    " obj:",
    wrap(objective),
    "Subject To",
    " cap:",
    wrap(names),
    `  = ${capacity - bounds.sumLower}`,
    "Bounds",
    ...names.map((nm) => ` ${nm} <= 1`),
    "End",
  ].join("\n");
  return { lp, constant, variables: names.length };
}

const thousands = (n: number): string => n.toLocaleString("en-US");

/** Wall-clock and CPU milliseconds of each run (CPU shows what a busy machine hides). */
function timeWallAndCpu(fn: () => void, runs: number, warmup = 3): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

const GOALS: Readonly<Partial<Record<number, number>>> = { 10_000: 5, 100_000: 80 };

export async function run(): Promise<void> {
  const highs = await highsLoader();
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${availableParallelism()} cores`,
  );
  for (const n of [1_000, 10_000, 100_000]) {
    const problem = generate(n);
    let result = allocation.allocateOptimized(problem);
    const { wall, cpu } = timeWallAndCpu(
      () => {
        result = allocation.allocateOptimized(problem);
      },
      n >= 100_000 ? 11 : 31,
    );
    const ours = median(wall);
    const objective = result.objective ?? Number.NaN;
    const goal = GOALS[n];
    let line =
      `${thousands(n)} clients (capacity ${thousands(problem.capacity)}): optimized ${fmt(ours)} median` +
      ` (CPU ${fmt(median(cpu))})` +
      (goal === undefined
        ? ""
        : ` [goal ≤ ${goal} ms: wall ${ours <= goal ? "met" : "NOT met"}, CPU ${median(cpu) <= goal ? "met" : "NOT met"}]`);
    if (n <= 10_000) {
      const { lp, constant, variables } = toLp(problem);
      const t0 = performance.now();
      // Interior point then crossover: the LP has one dense row, where simplex is slow in this build.
      const lpModel = highs.createModel({ format: "lp", data: lp });
      const parsed = performance.now();
      lpModel.options.set({ output_flag: false, presolve: "off", solver: "ipm" });
      lpModel.run();
      const solved = performance.now();
      const highsObjective = lpModel.getObjectiveValue() + constant;
      const status =
        lpModel.getModelStatus() === highs.constants.modelStatus.optimal
          ? "optimal"
          : `code ${lpModel.getModelStatus()}`;
      lpModel.dispose();
      const highsMs = solved - t0;
      const rel = Math.abs(highsObjective - objective) / Math.abs(highsObjective);
      line +=
        `\n    HiGHS ${fmt(highsMs)} (read ${fmt(parsed - t0)}, solve ${fmt(solved - parsed)}; ${thousands(variables)} increments, status ${status})` +
        ` | objective ${objective.toFixed(4)} vs ${highsObjective.toFixed(4)} (rel diff ${rel.toExponential(1)}${rel <= 1e-9 ? " ≤ 1e-9" : " > 1e-9!"})` +
        ` | ${thousands(Math.round(highsMs / ours))}× faster (${thousands(Math.round((solved - parsed) / ours))}× on HiGHS's solve alone)`;
    }
    console.log(line);
  }
}
