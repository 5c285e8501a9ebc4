import fc from "fast-check";
import * as capacity from "../../../src/core/capacity";

const year2026 = { start: "2026-01-01", end: "2026-12-31" };

describe("computeCapacity", () => {
  it("reproduces the worked example: 252 − 25 − 20 = 207 field days × 4 = 828; 166 prospects, 662 clients", () => {
    const r = capacity.computeCapacity({
      period: year2026,
      country: "FR",
      leaveDays: 25,
      nonFieldDays: 20,
      contactsPerDay: { visit: 4 },
    });
    expect(r.calendarDays).toBe(365);
    expect(r.weekendDays).toBe(104);
    expect(r.publicHolidays.filter((h) => !h.weekend)).toHaveLength(9);
    expect(r.workingDays).toBe(252);
    expect(r.fieldDays).toBe(207);
    expect(r.perChannel.visit).toBe(828);
    expect(r.prospecting).toEqual({ share: 0.2, visits: 166 });
    expect(r.clientVisits).toBe(662);
  });

  it("explains itself line by line in French and English", () => {
    const r = capacity.computeCapacity({
      period: year2026,
      leaveDays: 25,
      nonFieldDays: { admin: 10, training: 6, meetings: 4 },
      contactsPerDay: { visit: 4, call: 10 },
    });
    const byKey = new Map(r.lines.map((l) => [l.key, l]));
    expect(byKey.get("calendarDays")?.value).toBe(365);
    expect(byKey.get("weekendDays")?.value).toBe(104);
    expect(byKey.get("publicHolidays")?.value).toBe(9);
    expect(byKey.get("publicHolidays")?.labelFr).toContain("Lundi de Pâques (06/04)");
    expect(byKey.get("publicHolidays")?.labelFr).toContain("Assomption (15/08)");
    expect(byKey.get("publicHolidays")?.labelEn).toContain("Easter Monday (06/04)");
    expect(byKey.get("workingDays")?.value).toBe(252);
    expect(byKey.get("leaveDays")?.value).toBe(25);
    expect(byKey.get("nonFieldDays")?.value).toBe(20);
    expect(byKey.get("nonFieldDays.training")?.labelFr).toContain("formation");
    expect(byKey.get("fieldDays")?.value).toBe(207);
    expect(byKey.get("contactsPerDay.visit")?.value).toBe(4);
    expect(byKey.get("capacity.visit")?.value).toBe(828);
    expect(byKey.get("capacity.call")?.value).toBe(2070);
    expect(byKey.get("prospecting.visits")?.value).toBe(166);
    expect(byKey.get("clientVisits")?.value).toBe(662);
    for (const l of r.lines) {
      expect(l.labelFr.length).toBeGreaterThan(0);
      expect(l.labelEn.length).toBeGreaterThan(0);
    }
  });

  it("splits field days per channel when asked", () => {
    const r = capacity.computeCapacity({
      period: year2026,
      leaveDays: 25,
      nonFieldDays: 20,
      contactsPerDay: { visit: 4, video: 6, call: 10 },
      daysPerChannel: { visit: 0.8, video: 0.2 },
      prospectingShare: 0.1,
    });
    expect(r.daysPerChannel.visit).toBeCloseTo(165.6);
    expect(r.perChannel.visit).toBe(662); // 165.6 × 4 = 662.4
    expect(r.perChannel.video).toBe(248); // 41.4 × 6 = 248.4
    expect(r.perChannel.call).toBe(2070); // unlisted: every field day
    expect(r.prospecting.visits).toBe(66);
    expect(r.clientVisits).toBe(596);
  });

  it("uses the region's holidays and the extra days off", () => {
    const r = capacity.computeCapacity({
      period: year2026,
      region: "alsace-moselle",
      extraDaysOff: ["2026-05-15", "2026-04-03"],
      leaveDays: 0,
      nonFieldDays: 0,
      contactsPerDay: { visit: 1 },
      prospectingShare: 0,
    });
    expect(r.region).toBe("67");
    expect(r.extraDaysOff).toBe(1); // Apr 3 is already Good Friday
    expect(r.workingDays).toBe(250);
    expect(r.lines.some((l) => l.key === "extraDaysOff")).toBe(true);
    expect(r.clientVisits).toBe(250);
  });

  it.each([
    [{ leaveDays: -1 }, "leaveDays"],
    [{ leaveDays: 300 }, "leaveDays"],
    [{ leaveDays: 200, nonFieldDays: 60 }, "nonFieldDays"],
    [{ nonFieldDays: { admin: -2 } }, "nonFieldDays.admin"],
    [{ prospectingShare: 1.5 }, "prospectingShare"],
    [{ prospectingShare: -0.1 }, "prospectingShare"],
    [{ contactsPerDay: { visit: Number.NaN } }, "contactsPerDay.visit"],
    [{ daysPerChannel: { visit: 2 } }, "daysPerChannel.visit"],
    [{ period: { start: "2026-12-31", end: "2026-01-01" } }, "period.end"],
  ])("rejects bad input %j naming the field %s", (patch, field) => {
    const input: capacity.CapacityInput = {
      period: year2026,
      leaveDays: 25,
      nonFieldDays: 20,
      contactsPerDay: { visit: 4 },
      ...patch,
    };
    try {
      capacity.computeCapacity(input);
      throw new Error("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(capacity.InvalidCapacityInputError);
      const err = e as capacity.InvalidCapacityInputError;
      expect(err.field).toBe(field);
      expect(err.message).toContain(field);
      expect(err.messageFr).toContain(field);
    }
  });

  it("keeps prospects + clients = visit capacity, and field days = working − leave − non-field (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: 0, max: 12, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (leave, nonField, perDay, share) => {
          const r = capacity.computeCapacity({
            period: year2026,
            leaveDays: leave,
            nonFieldDays: nonField,
            contactsPerDay: { visit: perDay },
            prospectingShare: share,
          });
          expect(r.fieldDays).toBe(252 - leave - nonField);
          expect(r.prospecting.visits + r.clientVisits).toBe(r.perChannel.visit);
          expect(r.prospecting.visits).toBeGreaterThanOrEqual(0);
          expect(r.clientVisits).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 50 },
    );
  });
});
