import fc from "fast-check";
import * as plan from "../../../src/core/plan";
import * as segment from "../../../src/core/segment";
import { client, portfolio } from "../../support/clients";

describe("segmentByRules", () => {
  const rules: segment.SegmentRule[] = [
    {
      segment: "vip",
      when: [
        { field: "abcSales", op: "=", value: "A" },
        { field: "potential", op: ">=", value: 1000 },
      ],
    },
    { segment: "falling", when: [{ field: "trend", op: "<=", value: -0.1 }] },
    { segment: "small", when: [{ field: "salesN", op: "<", value: 50 }] },
  ];
  const clients = [
    client("a", { salesN: 900, salesN1: 900, potential: 2000 }),
    client("b", { salesN: 90, salesN1: 100, potential: 100 }),
    client("c", { salesN: 10, salesN1: 10 }),
    client("d", { salesN: 60, salesN1: 55 }),
    client("e", { salesN: 900, salesN1: 2000, potential: 5000, segmentOverride: "mine" }),
  ];

  it("gives the first matching rule, all conditions holding, else the fallback", () => {
    const r = segment.segmentByRules(clients, rules, "other");
    expect(Object.fromEntries([...r].map(([id, a]) => [id, a.segment]))).toEqual({
      a: "vip",
      b: "falling",
      c: "small",
      d: "other",
      e: "mine",
    });
    expect(r.get("a")?.reason).toBe("Rule 1 (vip): abcSales = A and potential >= 1000");
    expect(r.get("d")?.reason).toBe("No rule matched: fallback other");
    expect(r.get("a")?.reasonFr).toBe("Règle 1 (vip) : abcSales = A et potential >= 1000");
    expect(r.get("e")?.reasonFr).toBe("Imposé par la ligne (les règles donneraient vip)");
    expect(r.get("e")?.flags).toContain("override");
  });

  it("never satisfies a condition on an undefined value", () => {
    const r = segment.segmentByRules(
      [client("x", { salesN: 5 })],
      [
        { segment: "s1", when: [{ field: "shareOfWallet", op: "<", value: 1 }] },
        { segment: "s2", when: [{ field: "abcPotential", op: "!=", value: "A" }] },
        { segment: "s3", when: [] },
      ],
      "f",
    );
    expect(r.get("x")?.segment).toBe("s3");
  });

  it("validates rules with named errors", () => {
    const bad = (rules: unknown, fallback: unknown = "f"): segment.RuleValidationError => {
      try {
        segment.validateRules(rules, fallback);
      } catch (e) {
        expect(e).toBeInstanceOf(segment.RuleValidationError);
        return e as segment.RuleValidationError;
      }
      throw new Error("expected a throw");
    };
    expect(bad([{ segment: "x", when: [{ field: "colour", op: "=", value: 1 }] }]).message).toBe(
      "rule 1, condition 1: unknown field 'colour' (known: salesN, salesN1, potential, trend, shareOfWallet, abcSales, abcSalesN1, abcPotential)",
    );
    const e = bad([
      { segment: "x", when: [] },
      { segment: "y", when: [{ field: "salesN", op: "=>", value: 1 }] },
    ]);
    expect([e.ruleIndex, e.conditionIndex, e.field]).toEqual([1, 0, "salesN"]);
    expect(e.message).toContain("bad operator '=>'");
    expect(bad([{ segment: "x", when: [{ field: "salesN", op: "<", value: "10" }] }]).message).toContain(
      "needs a number",
    );
    expect(bad([{ segment: "x", when: [{ field: "abcSales", op: "<", value: "A" }] }]).message).toContain(
      "= or !=",
    );
    expect(bad([{ segment: "x", when: [{ field: "abcSales", op: "=", value: "D" }] }]).message).toContain(
      "A, B or C",
    );
    expect(bad([{ segment: "", when: [] }]).message).toContain("segment");
    expect(bad([{ segment: "x" }]).message).toContain("'when'");
    expect(bad({}).message).toContain("list");
    expect(bad([], "").message).toContain("fallback");
    expect(() =>
      segment.segmentByRules(
        [],
        [{ segment: "x", when: [{ field: "z" as "salesN", op: "<", value: 1 }] }],
        "f",
      ),
    ).toThrow(segment.RuleValidationError);
  });

  it("compares the same months when CA N covers m < 12 of them (domain.md: a same-period column, else CA N-1 × m / 12)", () => {
    // A December year-to-date export: 11 months of CA N against a full CA N-1.
    const falling: segment.SegmentRule[] = [
      { segment: "falling", when: [{ field: "trend", op: "<=", value: -0.1 }] },
    ];
    const ytd = [
      client("a", { salesN: 1000, salesN1: 1150 }), // −13 % on the full year, −4.9 % over 11 months
      client("b", { salesN: 800, salesN1: 1000, salesN1SamePeriod: 950 }), // −15.8 % over the same period
      client("c", { salesN: 1000, salesN1: 1000, salesN1SamePeriod: 1000 }),
    ];
    const full = segment.segmentByRules(ytd, falling, "other");
    expect(full.get("a")?.segment).toBe("falling");
    expect(full.get("a")?.trend).toBeCloseTo(1000 / 1150 - 1, 12);
    const months = segment.segmentByRules(ytd, falling, "other", { monthsN: 11 });
    expect(months.get("a")?.segment).toBe("other");
    expect(months.get("a")?.trend).toBeCloseTo(1000 / ((1150 * 11) / 12) - 1, 12);
    expect(months.get("b")?.segment).toBe("falling");
    expect(months.get("b")?.trend).toBeCloseTo(800 / 950 - 1, 12);
    expect(months.get("b")?.reasonFr).toBe(
      "Règle 1 (falling) : trend <= -0.1 (contre le CA N-1 même période)",
    );
    const prorated = segment.segmentByRules([client("a", { salesN: 700, salesN1: 1150 })], falling, "o", {
      monthsN: 9,
    });
    expect(prorated.get("a")?.reason).toBe(
      "Rule 1 (falling): trend <= -0.1 (sales N over 9 months against sales N-1 × 9/12)",
    );
    // The plan's one segmentation call passes the setting through.
    const viaPlan = plan.segmentPortfolio(ytd, {
      method: "rules",
      rules: falling,
      fallback: "other",
      monthsN: 11,
    });
    expect(viaPlan.get("a")?.segment).toBe("other");
    expect(() => segment.segmentByRules(ytd, falling, "o", { monthsN: 0 })).toThrow(
      segment.InvalidSegmentParamsError,
    );
    expect(() => segment.segmentByRules(ytd, falling, "o", { monthsN: 6.5 })).toThrow(/monthsN/);
  });

  it("reproduces the strategic segments when given them as rules (for clients with potential)", () => {
    const strategicAsRules: segment.SegmentRule[] = [
      {
        segment: "prospect",
        when: [
          { field: "salesN", op: "=", value: 0 },
          { field: "salesN1", op: "=", value: 0 },
        ],
      },
      {
        segment: "atRisk",
        when: [
          { field: "salesN1", op: ">", value: 0 },
          { field: "abcSalesN1", op: "!=", value: "C" },
          { field: "trend", op: "<=", value: -0.1 },
        ],
      },
      { segment: "maintain", when: [{ field: "abcPotential", op: "=", value: "C" }] },
      { segment: "retain", when: [{ field: "shareOfWallet", op: ">=", value: 0.5 }] },
      { segment: "develop", when: [{ field: "shareOfWallet", op: "<", value: 0.5 }] },
      { segment: "maintain", when: [{ field: "abcSales", op: "=", value: "C" }] },
    ];
    fc.assert(
      fc.property(portfolio, (clients) => {
        const byRules = segment.segmentByRules(clients, strategicAsRules, "retain");
        const strategic = segment.strategicSegments(clients);
        for (const c of clients) expect(byRules.get(c.id)?.segment).toBe(strategic.get(c.id)?.segment);
      }),
      { numRuns: 200 },
    );
  });
});

describe("summariseSegments", () => {
  it("counts clients and sums sales and potential per segment, in the given order", () => {
    const clients = [
      client("a", { salesN: 100, salesN1: 100, potential: 150 }),
      client("b", { salesN: null, salesN1: 0, potential: 40 }),
      client("c", { salesN: 0, salesN1: 0 }),
    ];
    const s = segment.summariseSegments(clients, segment.strategicSegments(clients), [
      "retain",
      "develop",
      "prospect",
    ]);
    expect(s).toEqual([
      { segment: "retain", clients: 1, salesN: 100, potential: 150 },
      { segment: "develop", clients: 0, salesN: 0, potential: 0 },
      { segment: "prospect", clients: 2, salesN: 0, potential: 40 },
    ]);
  });
  it("counts every assigned client exactly once", () => {
    fc.assert(
      fc.property(portfolio, (clients) => {
        const s = segment.summariseSegments(clients, segment.strategicSegments(clients));
        expect(s.reduce((n, x) => n + x.clients, 0)).toBe(clients.length);
      }),
    );
  });
});
