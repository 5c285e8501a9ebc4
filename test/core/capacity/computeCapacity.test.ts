import fc from "fast-check";
import { coreErrorText } from "../../../src/core/errorText";
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
    expect(byKey.has("capacity.call")).toBe(false);
    expect(byKey.get("capacity.remote")?.value).toBe(0);
    expect(byKey.get("prospecting.visits")?.value).toBe(166);
    expect(byKey.get("clientVisits")?.value).toBe(662);
    for (const l of r.lines) {
      expect(l.labelFr.length).toBeGreaterThan(0);
      expect(l.labelEn.length).toBeGreaterThan(0);
    }
  });

  it("splits the available days between field and remote days, never counting a day twice", () => {
    const r = capacity.computeCapacity({
      period: year2026,
      leaveDays: 25,
      nonFieldDays: 20,
      contactsPerDay: { visit: 4, video: 6, call: 10 },
      remoteShare: 0.2,
      prospectingShare: 0.1,
    });
    expect(r.availableDays).toBe(207);
    expect(r.remote.days).toBe(41); // 207 × 0.2 = 41.4
    expect(r.fieldDays).toBe(166);
    expect(r.perChannel).toEqual({ visit: 664 }); // calls and video do not take field days
    expect(r.remote.visitEquivalents).toBe(123); // 41 × 3
    expect(r.remote.contactsPerDay).toEqual({ video: 6, call: 12, digital: 30 });
    expect(r.prospecting.visits).toBe(66);
    expect(r.clientVisits).toBe(598);
    const byKey = new Map(r.lines.map((l) => [l.key, l]));
    expect(byKey.get("remoteDays")?.value).toBe(41);
    expect(byKey.get("capacity.remote")?.labelFr).toContain("équivalents visites");
  });

  it("has no remote time by default: the worked example's 828 visits and a remote pool of 0", () => {
    const r = capacity.computeCapacity({
      period: year2026,
      leaveDays: 25,
      nonFieldDays: 20,
      contactsPerDay: { visit: 4, call: 12 },
    });
    expect(r.perChannel).toEqual({ visit: 828 });
    expect(r.remote.days).toBe(0);
    expect(r.remote.visitEquivalents).toBe(0);
    // One office day a week: (252 − 25) / 5 = 45.4.
    expect(r.suggestedNonFieldDays).toBe(45);
  });

  it("counts RTT on its own line and dated periods by their working days, once", () => {
    const r = capacity.computeCapacity({
      period: year2026,
      // Aug 3–21: 15 working days (Aug 15 is a Saturday); Dec 21–31: 8 (Dec 25 off, weekends).
      leaveDays: [
        { start: "2026-08-03", end: "2026-08-21" },
        { start: "2026-12-21", end: "2026-12-31" },
      ],
      // Overlaps the leave on Aug 21: that day is leave already.
      rttDays: [
        { start: "2026-08-21", end: "2026-08-24" },
        { start: "2025-12-29", end: "2026-01-02" },
      ],
      nonFieldDays: 10,
      contactsPerDay: { visit: 4 },
    });
    expect(r.leaveDays).toBe(23);
    expect(r.rttDays).toBe(2); // Aug 24 and Jan 2 (Jan 1 is a holiday; Dec 29–31 are outside the period)
    expect(r.availableDays).toBe(252 - 23 - 2 - 10);
    expect(r.datedDaysOff).toHaveLength(25);
    expect(r.datedDaysOff).toContain("2026-08-24");
    expect(r.datedDaysOff).not.toContain("2026-08-15");
    const rtt = r.lines.find((l) => l.key === "rttDays");
    expect([rtt?.labelFr, rtt?.value]).toEqual(["RTT", 2]);
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
    [{ remoteShare: 2 }, "remoteShare"],
    [{ remotePerDay: -1 }, "remotePerDay"],
    [{ leaveDays: [{ start: "2026-08-10", end: "2026-08-01" }] }, "leaveDays[1].end"],
    [{ leaveDays: 200, rttDays: 60 }, "rttDays"],
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
      expect(coreErrorText(err, "fr")).toContain(field);
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
          expect(r.remote.days).toBe(0);
          expect(r.prospecting.visits + r.clientVisits).toBe(r.perChannel.visit);
          expect(r.prospecting.visits).toBeGreaterThanOrEqual(0);
          expect(r.clientVisits).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("counts no day twice: field + remote + leave + RTT + non-field = working days (property)", () => {
    const day = fc.integer({ min: 0, max: 364 }).map((d) => {
      const t = new Date(Date.UTC(2026, 0, 1 + d));
      return t.toISOString().slice(0, 10);
    });
    const period = fc.tuple(day, fc.integer({ min: 0, max: 20 })).map(([s, len]) => {
      const t = new Date(`${s}T00:00:00Z`);
      t.setUTCDate(t.getUTCDate() + len);
      return { start: s, end: t.toISOString().slice(0, 10) };
    });
    const days = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.array(period, { maxLength: 4 }));
    fc.assert(
      fc.property(
        days,
        days,
        days,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (leave, rtt, nonField, remote) => {
          let r: capacity.CapacityResult;
          try {
            r = capacity.computeCapacity({
              period: year2026,
              leaveDays: leave,
              rttDays: rtt,
              nonFieldDays: nonField,
              contactsPerDay: { visit: 4 },
              remoteShare: remote,
            });
          } catch (e) {
            expect(e).toBeInstanceOf(capacity.InvalidCapacityInputError);
            return;
          }
          expect(r.fieldDays).toBeGreaterThanOrEqual(0);
          expect(r.remote.days).toBeGreaterThanOrEqual(0);
          expect(r.fieldDays + r.remote.days + r.leaveDays + r.rttDays + r.nonFieldDays).toBe(r.workingDays);
          expect(new Set(r.datedDaysOff).size).toBe(r.datedDaysOff.length);
          expect(r.perChannel.visit).toBe(r.fieldDays * 4);
          expect(r.remote.visitEquivalents).toBeCloseTo(r.remote.days * 3, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
