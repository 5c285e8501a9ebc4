/**
 * The exact boundaries of tracking rules (domain.md): overdue only when the days since the last
 * contact exceed 365 / planned visits; the top 20 % of clients rounds the count up.
 */
import * as tracking from "../../../src/core/tracking";

describe("overdue boundary", () => {
  it("is not overdue at exactly 365 / planned visits days, overdue one day later", () => {
    // 5 visits a year: one every 73 days.
    expect(tracking.isOverdue(73, 5)).toBe(false);
    expect(tracking.isOverdue(74, 5)).toBe(true);
    expect(tracking.isOverdue(72, 5)).toBe(false);
    // 365 / 4 = 91.25: day 91 is within, day 92 is beyond.
    expect(tracking.isOverdue(91, 4)).toBe(false);
    expect(tracking.isOverdue(92, 4)).toBe(true);
  });

  it("is overdue when never contacted with a plan, never without one", () => {
    expect(tracking.isOverdue(null, 1)).toBe(true);
    expect(tracking.isOverdue(null, 0)).toBe(false);
    expect(tracking.isOverdue(10_000, 0)).toBe(false);
    expect(tracking.isOverdue(10_000, Number.NaN)).toBe(false);
  });
});

describe("top 20 % of clients", () => {
  const clients = (n: number): tracking.ConcentrationClient[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `C${String(i).padStart(2, "0")}`,
      salesN: 1000 - i * 10,
      potential: 1,
      effort: 1,
    }));

  it("rounds the count up: 7 clients give 2 (1.4 up), 5 give 1, 11 give 3", () => {
    expect(tracking.topIds(clients(7))).toEqual(["C00", "C01"]);
    expect(tracking.topIds(clients(5))).toEqual(["C00"]);
    expect(tracking.topIds(clients(11))).toEqual(["C00", "C01", "C02"]);
    expect(tracking.topIds(clients(1))).toEqual(["C00"]);
    expect(tracking.topIds([])).toEqual([]);
  });

  it("does not let float noise add a client (10 × 0.3 = 3.0000000000000004 takes 3)", () => {
    expect(tracking.topIds(clients(10), 0.3)).toEqual(["C00", "C01", "C02"]);
  });

  it("orders by sales, then id, counting missing or negative sales as 0", () => {
    const list: tracking.ConcentrationClient[] = [
      { id: "B", salesN: null, potential: 1, effort: 1 },
      { id: "A", salesN: -5, potential: 1, effort: 1 },
      { id: "C", salesN: 3, potential: 1, effort: 1 },
      { id: "D", salesN: 3, potential: 1, effort: 1 },
      { id: "E", salesN: 0, potential: 1, effort: 1 },
    ];
    expect(tracking.topIds(list, 0.6)).toEqual(["C", "D", "A"]);
  });
});
