import fc from "fast-check";
import * as segment from "../../../src/core/segment";
import type { Client } from "../../../src/core/types";
import { client, portfolio } from "../../support/clients";

/** The domain page's rules written out as plainly as possible, as a reference. */
function reference(
  clients: readonly Client[],
  trendThreshold = -0.1,
  shareThreshold = 0.5,
): Map<string, string> {
  const classOf = (value: (c: Client) => number | null): Map<string, string> => {
    const positive = clients
      .filter((c) => (value(c) ?? 0) > 0)
      .sort((x, y) => value(y)! - value(x)! || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const total = positive.reduce((s, c) => s + value(c)!, 0);
    const out = new Map<string, string>();
    let before = 0;
    for (const c of positive) {
      out.set(c.id, before / total < 0.8 ? "A" : before / total < 0.95 ? "B" : "C");
      before += value(c)!;
    }
    return out;
  };
  const sales = classOf((c) => c.salesN);
  const lastYear = classOf((c) => c.salesN1);
  const potential = classOf((c) => c.potential);
  const out = new Map<string, string>();
  for (const c of clients) {
    const n = c.salesN ?? 0;
    const n1 = c.salesN1 ?? 0;
    let s: string;
    if (n === 0 && n1 === 0) s = "prospect";
    else if (n1 > 0 && lastYear.get(c.id) !== "C" && n / n1 - 1 <= trendThreshold + 1e-12) s = "atRisk";
    else if ((c.potential ?? 0) > 0) {
      const p = potential.get(c.id);
      if (p === "C") s = "maintain";
      else s = n / c.potential! >= shareThreshold - 1e-12 ? "retain" : "develop";
    } else s = (sales.get(c.id) ?? "C") === "C" ? "maintain" : "retain";
    out.set(c.id, s);
  }
  return out;
}

describe("strategicSegments", () => {
  it("applies each rule in order", () => {
    const clients = [
      client("p", { salesN: 0, salesN1: 0, potential: 500 }),
      client("blank", {}),
      client("lost", { salesN: null, salesN1: 1000, potential: 1000 }),
      client("down10", { salesN: 900, salesN1: 1000, potential: 100 }),
      client("down9", { salesN: 910, salesN1: 1000, potential: 100 }),
      // Falling 40 % but class C on CA N-1: a small client's wobble, not erosion.
      client("fallC", { salesN: 6, salesN1: 10, potential: 10 }),
      client("big", { salesN: 600, salesN1: 600, potential: 1000 }),
      client("dev", { salesN: 100, salesN1: 100, potential: 5000 }),
      client("small", { salesN: 10, salesN1: 10, potential: 10 }),
      client("nopot", { salesN: 5000, salesN1: 5000 }),
      client("nopotC", { salesN: 1, salesN1: 1, potential: 0 }),
    ];
    const r = segment.strategicSegments(clients);
    const seg = Object.fromEntries([...r].map(([id, a]) => [id, a.segment]));
    expect(seg).toEqual({
      p: "prospect",
      blank: "prospect",
      lost: "atRisk",
      down10: "atRisk",
      down9: "maintain", // -9 % is not at risk; its potential is class C
      fallC: "maintain",
      big: "retain",
      dev: "develop",
      small: "maintain",
      nopot: "retain",
      nopotC: "maintain",
    });
    expect(r.get("nopot")?.flags).toEqual(["noPotential"]);
    expect(r.get("nopot")?.abcPotential).toBeNull();
    expect(r.get("blank")?.flags).toEqual(["noSales"]);
    expect(r.get("lost")?.trend).toBe(-1);
    expect(r.get("lost")?.reason).toMatch(/^At risk: class B on sales N-1, trend -100 %/);
    expect(r.get("dev")?.share).toBeCloseTo(0.02, 12);
    expect(r.get("dev")?.reason).toBe("Develop: potential class A, share of wallet 2 % < 50 %");
    expect(r.get("dev")?.reasonFr).toBe(
      "Développer : potentiel de classe A, part de portefeuille 2 % < 50 %",
    );
    expect(r.get("down10")?.reasonFr).toBe("Érosion : classe A sur le CA N-1, tendance -10 % ≤ -10 %");
    expect(r.get("p")?.reasonFr).toBe("Conquérir : pas de CA en N ni en N-1");
    expect(r.get("nopot")?.reasonFr).toBe("Fidéliser : sans potentiel, CA de classe A");
  });

  it("reads ABC classes computed over the whole portfolio", () => {
    // x's potential is class C over the whole portfolio even though a prospect holds most of it.
    const clients = [
      client("prospect", { salesN: 0, salesN1: 0, potential: 1000 }),
      client("x", { salesN: 10, salesN1: 10, potential: 10 }),
    ];
    const r = segment.strategicSegments(clients);
    expect(r.get("x")?.abcPotential).toBe("C");
    expect(r.get("x")?.segment).toBe("maintain");
  });

  it("lets the row's override win, with the flag", () => {
    const r = segment.strategicSegments([client("a", { salesN: 0, salesN1: 0, segmentOverride: "retain" })]);
    expect(r.get("a")?.segment).toBe("retain");
    expect(r.get("a")?.flags).toContain("override");
    expect(r.get("a")?.reason).toContain("prospect");
  });

  it("rejects bad parameters with a named error", () => {
    const c = [client("a", { salesN: 1 })];
    for (const bad of [
      { a: 0 },
      { a: 0.9, b: 0.8 },
      { b: 1.5 },
      { trendThreshold: Number.NaN },
      { shareThreshold: -1 },
    ]) {
      expect(() => segment.strategicSegments(c, bad)).toThrow(segment.InvalidSegmentParamsError);
    }
    expect(() => segment.abc([], { a: 0.5, b: 0.4 })).toThrow(/Invalid segmentation parameter b = 0.4/);
    expect(() => segment.crossAbc([], { a: 2, b: 2 })).toThrow(segment.InvalidSegmentParamsError);
  });

  it("takes thresholds as parameters", () => {
    const c = [client("a", { salesN: 80, salesN1: 100, potential: 100 })];
    expect(segment.strategicSegments(c).get("a")?.segment).toBe("atRisk");
    expect(segment.strategicSegments(c, { trendThreshold: -0.3 }).get("a")?.segment).toBe("retain");
    expect(
      segment.strategicSegments(c, { trendThreshold: -0.3, shareThreshold: 0.9 }).get("a")?.segment,
    ).toBe("develop");
  });

  it("matches a straightforward reference implementation of the rule order", () => {
    fc.assert(
      fc.property(portfolio, (clients) => {
        const got = new Map([...segment.strategicSegments(clients)].map(([id, a]) => [id, a.segment]));
        expect(got).toEqual(reference(clients));
      }),
      { numRuns: 300 },
    );
  });

  it("assigns every client and does not depend on order", () => {
    fc.assert(
      fc.property(portfolio, (clients) => {
        const a = segment.strategicSegments(clients);
        const b = segment.strategicSegments([...clients].reverse());
        expect(a.size).toBe(clients.length);
        expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
      }),
    );
  });

  it("compares the same months: a same-period column, else CA N-1 × m / 12, said in the reason", () => {
    // December year-to-date export: 11 months of CA N against a full CA N-1.
    const clients = [
      client("a", { salesN: 1000, salesN1: 1150, potential: 1500 }), // −13 % on the full year, −5.1 % over 11 months
      client("b", { salesN: 800, salesN1: 1000, salesN1SamePeriod: 950, potential: 1500 }), // −15.8 % same period
      client("c", { salesN: 50, salesN1: 60, potential: 100 }),
    ];
    const full = segment.strategicSegments(clients);
    expect(full.get("a")?.segment).toBe("atRisk");
    const ytd = segment.strategicSegments(clients, { monthsN: 11 });
    expect(ytd.get("a")?.segment).not.toBe("atRisk");
    expect(ytd.get("a")?.trend).toBeCloseTo(1000 / ((1150 * 11) / 12) - 1, 12);
    expect(ytd.get("b")?.segment).toBe("atRisk");
    expect(ytd.get("b")?.trend).toBeCloseTo(800 / 950 - 1, 12);
    expect(ytd.get("b")?.reasonFr).toContain("CA N-1 même période");
    const prorated = segment.strategicSegments([{ ...clients[0], salesN: 700 }, clients[2]], {
      monthsN: 9,
    });
    expect(prorated.get("a")?.reason).toContain("sales N-1 × 9/12");
    expect(prorated.get("a")?.reasonFr).toContain("CA N-1 × 9/12");
    expect(() => segment.strategicSegments(clients, { monthsN: 13 })).toThrow(/monthsN/);
  });

  it("a 1,160 € client falling 30 % is not at risk when it is class C on CA N-1", () => {
    const big = Array.from({ length: 10 }, (_, i) => client(`big${i}`, { salesN: 50_000, salesN1: 50_000 }));
    const small = client("small", { salesN: 812, salesN1: 1160 });
    const r = segment.strategicSegments([...big, small]);
    expect(r.get("small")?.trend).toBeCloseTo(-0.3, 12);
    expect(r.get("small")?.segment).toBe("maintain");
  });
});
