/** Scenarios: named sets of the plan's choices, compared on the same portfolio. */
export { compareScenarios } from "./compare";
export type { ClientChange, Scenario, ScenarioComparison, ScenarioFigures } from "./compare";
