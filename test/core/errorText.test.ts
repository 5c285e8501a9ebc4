import * as allocation from "../../src/core/allocation";
import * as calendar from "../../src/core/calendar";
import * as capacity from "../../src/core/capacity";
import type { CoreError } from "../../src/core/errors";
import { isCoreError } from "../../src/core/errors";
import { coreErrorText } from "../../src/core/errorText";
import * as norms from "../../src/core/norms";
import * as segment from "../../src/core/segment";
import * as tracking from "../../src/core/tracking";

/** One instance of every core error, as the core throws them. */
function thrown(): CoreError[] {
  const errors: unknown[] = [];
  const catchFrom = (f: () => unknown): void => {
    try {
      f();
    } catch (e) {
      errors.push(e);
    }
  };
  catchFrom(() => norms.normFor({ normOverride: null }, "vip", norms.DEFAULT_NORMS));
  catchFrom(() => norms.weighted({ fax: 1 }));
  catchFrom(() => {
    norms.validateNormTable({ retain: { visit: -1 } });
  });
  catchFrom(() =>
    allocation.allocateByNorms({ clients: [{ id: "a", demand: 5, min: 7, max: null }], capacity: 3 }),
  );
  catchFrom(() =>
    capacity.computeCapacity({
      period: { start: "2026-01-01", end: "2026-12-31" },
      leaveDays: -3,
      nonFieldDays: 0,
      contactsPerDay: { visit: 4 },
    }),
  );
  catchFrom(() => calendar.createWorkCalendar({ country: "ZZ" }));
  catchFrom(() => calendar.isoToDayNumber("2026-02-30"));
  catchFrom(() => tracking.trackClients({ options: { tolerance: 1.5 } } as tracking.TrackingInput));
  errors.push(new tracking.InvalidPeriodError("2026-12-31", "2026-01-01"));
  errors.push(new tracking.InvalidSeasonalityError([1, 2]));
  errors.push(new segment.InvalidSegmentParamsError("a", 2, "must be ≤ b"));
  errors.push(new segment.RuleValidationError(0, 1, "salesN", "unknown operator"));
  errors.push(
    new allocation.InvalidAllocationInputError("c1", "min", 3, { kind: "notAboveMaximum", maximum: 2 }),
  );
  return errors.filter(isCoreError);
}

describe("core errors are a code and data, phrased by one catalogue", () => {
  it("every error the core throws is a CoreError with a distinct code and its data", () => {
    const errors = thrown();
    expect(errors.map((e) => e.code).sort()).toEqual([
      "infeasibleAllocation",
      "invalidAllocationInput",
      "invalidCapacityInput",
      "invalidDate",
      "invalidNormTable",
      "invalidOption",
      "invalidPeriod",
      "invalidRule",
      "invalidSeasonality",
      "invalidSegmentParams",
      "unknownCalendar",
      "unknownChannel",
      "unknownSegment",
    ]);
    for (const e of errors) expect(e.data).toEqual(expect.any(Object));
  });

  it("gives each code French words built from its data, and the core's English message", () => {
    for (const e of thrown()) {
      const fr = coreErrorText(e, "fr");
      expect(fr).not.toBe("");
      expect(fr).not.toBe(e.message);
      expect(coreErrorText(e, "en")).toBe(e.message);
    }
    const leave = thrown().find((e) => e.code === "invalidCapacityInput");
    expect(leave && coreErrorText(leave, "fr")).toBe(
      "Paramètre de capacité « leaveDays » = -3 : doit être un nombre ≥ 0.",
    );
    const bound = thrown().find((e) => e.code === "invalidAllocationInput");
    expect(bound && coreErrorText(bound, "fr")).toBe(
      "Répartition : client « c1 », min = 3 : dépasse le maximum (2).",
    );
    expect(bound?.message).toBe('Allocation input: client "c1", min = 3: exceeds the maximum (2).');
  });
});
