import * as norms from "../../../src/core/norms";
import { DEFAULT_CHANNELS } from "../../../src/core/types";

describe("DEFAULT_NORMS", () => {
  it("matches the domain page", () => {
    expect(norms.DEFAULT_NORMS).toEqual({
      retain: { visit: 10, call: 6 },
      develop: { visit: 12, call: 6 },
      atRisk: { visit: 8, call: 8 },
      maintain: { visit: 3, call: 4 },
      prospect: { visit: 2, call: 3 },
    });
  });
  it("is a valid table", () => {
    expect(() => {
      norms.validateNormTable(norms.DEFAULT_NORMS);
    }).not.toThrow();
  });
});

describe("normFor", () => {
  it("returns the segment's norm without override", () => {
    expect(norms.normFor({ normOverride: null }, "retain", norms.DEFAULT_NORMS)).toEqual({
      visit: 10,
      call: 6,
    });
  });
  it("overrides only the channels the client gives", () => {
    expect(norms.normFor({ normOverride: { visit: 4, video: 2 } }, "develop", norms.DEFAULT_NORMS)).toEqual({
      visit: 4,
      call: 6,
      video: 2,
    });
  });
  it("does not mutate the table", () => {
    const table = { retain: { visit: 1 } };
    norms.normFor({ normOverride: { visit: 9 } }, "retain", table);
    expect(table.retain.visit).toBe(1);
  });
  it("throws UnknownSegmentError with the known ids", () => {
    try {
      norms.normFor({ normOverride: null }, "vip", norms.DEFAULT_NORMS);
      throw new Error("expected a throw");
    } catch (e) {
      expect(e).toBeInstanceOf(norms.UnknownSegmentError);
      const err = e as norms.UnknownSegmentError;
      expect(err.segment).toBe("vip");
      expect(err.known).toContain("retain");
      expect(err.message).toContain("vip");
    }
  });
  it("does not treat inherited properties as segments", () => {
    expect(() => norms.normFor({ normOverride: null }, "toString", norms.DEFAULT_NORMS)).toThrow(
      norms.UnknownSegmentError,
    );
  });
});

describe("weighted", () => {
  it("sums count × weight with the default weights", () => {
    expect(norms.weighted({ visit: 10, call: 6 })).toBeCloseTo(11.5, 12);
    expect(norms.weighted({ visit: 1, video: 2, call: 4, digital: 10 })).toBeCloseTo(4, 12);
    expect(norms.weighted({})).toBe(0);
  });
  it("uses the given channels", () => {
    expect(norms.weighted({ fair: 2 }, [{ id: "fair", labelFr: "Salon", labelEn: "Fair", weight: 3 }])).toBe(
      6,
    );
  });
  it("throws UnknownChannelError for an unknown channel", () => {
    expect(() => norms.weighted({ fax: 1 })).toThrow(norms.UnknownChannelError);
    try {
      norms.weighted({ fax: 1 });
    } catch (e) {
      expect((e as norms.UnknownChannelError).channel).toBe("fax");
    }
  });
});

describe("validation", () => {
  it("reports negative counts, non-finite counts and unknown channels", () => {
    const problems = norms.normTableProblems({ retain: { visit: -1, call: Number.NaN, fax: 2 } });
    expect(problems.map((p) => [p.segment, p.channel, p.code])).toEqual([
      ["retain", "visit", "negative"],
      ["retain", "call", "notFinite"],
      ["retain", "fax", "unknownChannel"],
    ]);
  });
  it("reports bad channels", () => {
    const problems = norms.channelProblems([
      ...DEFAULT_CHANNELS,
      { id: "visit", labelFr: "x", labelEn: "x", weight: 1 },
      { id: " ", labelFr: "x", labelEn: "x", weight: 1 },
      { id: "fair", labelFr: "x", labelEn: "x", weight: -2 },
    ]);
    expect(problems.map((p) => p.code)).toEqual(["duplicateChannel", "emptyId", "badWeight"]);
  });
  it("validateNormTable throws InvalidNormTableError with every problem", () => {
    try {
      norms.validateNormTable({ retain: { visit: -1 }, develop: { fax: 1 } });
      throw new Error("expected a throw");
    } catch (e) {
      expect(e).toBeInstanceOf(norms.InvalidNormTableError);
      expect((e as norms.InvalidNormTableError).problems).toHaveLength(2);
    }
  });
});
