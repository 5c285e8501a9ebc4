import * as plan from "../../../src/core/plan";
import { STRATEGIC_SEGMENTS } from "../../../src/core/types";
import type { Client } from "../../../src/core/types";
import { client as base } from "../../support/clients";
import { DEFAULT_RULES, formatRules, parseRules } from "../../../src/taskpane/plan/rulesText";

const client = (id: string, salesN1: number, salesN: number, potential: number): Client =>
  base(id, { salesN1, salesN, potential });

describe("custom rules as text", () => {
  test("reads French and English segment names, field aliases, percentages and classes", () => {
    const parsed = parseRules(
      [
        "# comment",
        "Érosion : tendance <= -15 %",
        "retain: part >= 40% et ABC potentiel != C",
        "Entretenir: toujours",
      ].join("\n"),
      STRATEGIC_SEGMENTS,
    );
    expect(parsed).toEqual({
      ok: true,
      rules: [
        { segment: "atRisk", when: [{ field: "trend", op: "<=", value: -0.15 }] },
        {
          segment: "retain",
          when: [
            { field: "shareOfWallet", op: ">=", value: 0.4 },
            { field: "abcPotential", op: "!=", value: "C" },
          ],
        },
        { segment: "maintain", when: [] },
      ],
    });
  });

  test("names the line and the problem", () => {
    expect(parseRules("retain: salesN > 10\nfoo: salesN > 1", STRATEGIC_SEGMENTS)).toEqual({
      ok: false,
      line: 2,
      reason: "unknown segment 'foo'",
    });
    expect(parseRules("retain: height > 2", STRATEGIC_SEGMENTS)).toMatchObject({
      ok: false,
      line: 1,
      reason: "unknown field 'height'",
    });
    expect(parseRules("retain: abcSales = Z", STRATEGIC_SEGMENTS)).toMatchObject({ ok: false, line: 1 });
    expect(parseRules("retain salesN > 1", STRATEGIC_SEGMENTS)).toMatchObject({ ok: false, line: 1 });
    // The core's own check still applies: a class field cannot be compared with <.
    expect(parseRules("retain: abcSales < A", STRATEGIC_SEGMENTS)).toMatchObject({ ok: false, line: 0 });
  });

  test("the default rules survive formatting and reading back, and segment a portfolio like the strategic rules", () => {
    expect(parseRules(formatRules(DEFAULT_RULES), STRATEGIC_SEGMENTS)).toEqual({
      ok: true,
      rules: DEFAULT_RULES,
    });
    const clients = [
      client("p", 0, 0, 100),
      client("k", 100, 50, 300),
      client("r", 100, 110, 150),
      client("d", 30, 30, 900),
      client("m", 5, 5, 10),
    ];
    const byRules = plan.segmentPortfolio(clients, {
      method: "rules",
      rules: DEFAULT_RULES,
      fallback: "maintain",
    });
    const strategic = plan.segmentPortfolio(clients, { method: "strategic" });
    for (const c of clients)
      expect([c.id, byRules.get(c.id)?.segment]).toEqual([c.id, strategic.get(c.id)?.segment]);
  });
});
