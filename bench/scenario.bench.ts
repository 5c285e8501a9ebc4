/**
 * A scenario recomputed for the comparison (`npm run bench -- scenario`): the whole plan of a
 * 10,000-client demo portfolio (segmentation, norms under a capacity, each client's explanation),
 * as compareScenarios builds it for each variant. Goal (issue 15): ≤ 50 ms.
 */
import { availableParallelism, loadavg } from "node:os";
import * as parse from "../src/core/parse";
import * as plan from "../src/core/plan";
import { generateDemo } from "../src/workbench/demo";
import { fmt, median, timeRuns } from "./stats";

const GOAL_MS = 50;

export async function run(): Promise<void> {
  const demo = generateDemo(1, { today: "2026-11-30", clients: 10_000 });
  const clients = parse.parsePortfolio(demo.clients).clients;
  const options: plan.PlanOptions = {
    capacity: { perChannel: { visit: 8_280, call: 15_000 }, prospecting: { visits: 1_660 } },
  };
  const runs = timeRuns(() => plan.buildPlan(clients, options), 9);
  const p50 = median(runs);
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${availableParallelism()} cores`,
  );
  console.log(
    `plan of ${clients.length.toLocaleString("en")} clients: p50 ${fmt(p50)} [goal ≤ ${GOAL_MS} ms: ${p50 <= GOAL_MS ? "met" : `NOT met, ${(p50 / GOAL_MS).toFixed(1)}×`}]`,
  );
  return Promise.resolve();
}
