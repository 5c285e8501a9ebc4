/** Dated periods as reps type them and as the workbook and the CLI record them (one parser). */
import fc from "fast-check";
import * as capacity from "../../../src/core/capacity";
import { coreErrorText } from "../../../src/core/errorText";

const problemOf = (text: string): capacity.InvalidDatedPeriodsError => {
  try {
    capacity.parseDatedPeriods(text, "Congés datés");
  } catch (e) {
    expect(e).toBeInstanceOf(capacity.InvalidDatedPeriodsError);
    return e as capacity.InvalidDatedPeriodsError;
  }
  throw new Error(`'${text}' was read`);
};

describe("dated periods text", () => {
  const august = { start: "2026-08-03", end: "2026-08-21" };
  const christmas = { start: "2026-12-24", end: "2026-12-31" };

  it.each([
    "2026-08-03:2026-08-21, 2026-12-24:2026-12-31",
    "03/08/2026 - 21/08/2026 ; 24/12/2026 – 31/12/2026",
    "du 03/08/2026 au 21/08/2026\ndu 24/12/2026 au 31/12/2026",
    "from 2026-08-03 to 2026-08-21; 2026-12-24..2026-12-31",
    "3/8/2026-21/8/2026, 2026-12-24:2026-12-31",
  ])("reads %j", (text) => {
    expect(capacity.parseDatedPeriods(text, "f")).toEqual([august, christmas]);
  });

  it("reads a single date as one day, and blanks as none", () => {
    expect(capacity.parseDatedPeriods("14/07/2026", "f")).toEqual([
      { start: "2026-07-14", end: "2026-07-14" },
    ]);
    expect(capacity.parseDatedPeriods("  \n ", "f")).toEqual([]);
  });

  it("names the field and the part that does not read, in French and English", () => {
    const bad = problemOf("2026-08-03:2026-08-21, 31/02/2026");
    expect(bad.data).toEqual({ field: "Congés datés", part: "31/02/2026", problem: "badDate" });
    expect(coreErrorText(bad, "fr")).toBe("Congés datés : « 31/02/2026 » n'est pas une date réelle");
    const backwards = problemOf("21/08/2026 - 03/08/2026");
    expect(backwards.data.problem).toBe("endBeforeStart");
    expect(coreErrorText(backwards, "en")).toBe(
      "Congés datés: '21/08/2026 - 03/08/2026' ends before it starts",
    );
    expect(problemOf("août").data.problem).toBe("notAPeriod");
    expect(problemOf("2026-08-03 puis 2026-08-21").data.problem).toBe("notAPeriod");
    expect(problemOf("2026-08-03:2026-08-10:2026-08-21").data.problem).toBe("notAPeriod");
  });

  it("formats as it reads: the recorded text gives the same periods back", () => {
    const day = fc
      .integer({ min: 20_000, max: 22_000 })
      .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, day), { maxLength: 6 }), (pairs) => {
        const periods = pairs.map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));
        expect(capacity.parseDatedPeriods(capacity.formatDatedPeriods(periods), "f")).toEqual(periods);
      }),
    );
  });
});
