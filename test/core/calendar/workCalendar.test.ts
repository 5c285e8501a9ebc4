import fc from "fast-check";
import { coreErrorText } from "../../../src/core/errorText";
import * as calendar from "../../../src/core/calendar";

describe("createWorkCalendar", () => {
  const france = calendar.createWorkCalendar();
  const basRhin = calendar.createWorkCalendar({ region: "67" });

  it("France 2026 has 252 working days (worked example)", () => {
    expect(france.country).toBe("FR");
    expect(france.region).toBeNull();
    expect(france.workingDaysBetween("2026-01-01", "2026-12-31")).toBe(252);
    const holidays = france.holidaysBetween("2026-01-01", "2026-12-31");
    expect(holidays.filter((h) => !h.weekend)).toHaveLength(9);
    expect(holidays.filter((h) => h.weekend).map((h) => h.date)).toEqual(["2026-08-15", "2026-11-01"]);
  });

  it("Bas-Rhin 2026 has 251 working days: Good Friday off, Dec 26 a Saturday", () => {
    expect(basRhin.workingDaysBetween("2026-01-01", "2026-12-31")).toBe(251);
    expect(basRhin.isWorkingDay("2026-04-03")).toBe(false);
    expect(france.isWorkingDay("2026-04-03")).toBe(true);
    const dec26 = basRhin.holidaysBetween("2026-12-26", "2026-12-26");
    expect(dec26).toHaveLength(1);
    expect(dec26[0]?.weekend).toBe(true);
  });

  it.each(["alsace-moselle", "Alsace-Moselle", "FR-67", "bas-rhin", " 67 "])(
    "accepts the alias %s for Bas-Rhin",
    (alias) => {
      const cal = calendar.createWorkCalendar({ country: "fr", region: alias });
      expect(cal.region).toBe("67");
      expect(cal.workingDaysBetween("2026-01-01", "2026-12-31")).toBe(251);
    },
  );

  it("knows Haut-Rhin and Moselle", () => {
    expect(calendar.createWorkCalendar({ region: "haut-rhin" }).region).toBe("68");
    expect(
      calendar.createWorkCalendar({ region: "moselle" }).workingDaysBetween("2026-01-01", "2026-12-31"),
    ).toBe(251);
  });

  it.each([
    // [Easter Sunday, Easter Monday, Ascension (+39), Whit Monday (+50)]
    ["2024", "2024-04-01", "2024-05-09", "2024-05-20"],
    ["2025", "2025-04-21", "2025-05-29", "2025-06-09"],
    ["2026", "2026-04-06", "2026-05-14", "2026-05-25"],
    ["2027", "2027-03-29", "2027-05-06", "2027-05-17"],
    ["2030", "2030-04-22", "2030-05-30", "2030-06-10"],
  ])("Easter-based holidays of %s are off", (year, easterMonday, ascension, whitMonday) => {
    const dates = france.holidaysBetween(`${year}-01-01`, `${year}-12-31`).map((h) => h.date);
    for (const d of [easterMonday, ascension, whitMonday]) {
      expect(dates).toContain(d);
      expect(france.isWorkingDay(d)).toBe(false);
    }
  });

  it("names holidays in French and English", () => {
    const [newYear] = france.holidaysBetween("2026-01-01", "2026-01-01");
    expect(newYear.name).toBe("Nouvel An");
    expect(newYear.nameEn).toBe("New Year's Day");
  });

  it("counts 123 working days from Jan 1 to Jun 30, 2026 inclusive (the pace worked example)", () => {
    expect(france.workingDaysBetween("2026-01-01", "2026-06-30")).toBe(123);
  });

  it("treats weekends as days off and counts ranges inclusively", () => {
    expect(france.isWorkingDay("2026-01-03")).toBe(false); // Saturday
    expect(france.isWorkingDay("2026-01-05")).toBe(true); // Monday
    expect(france.workingDaysBetween("2026-01-05", "2026-01-05")).toBe(1);
    expect(france.workingDaysBetween("2026-01-05", "2026-01-09")).toBe(5);
    expect(france.workingDaysBetween("2026-01-09", "2026-01-05")).toBe(0);
  });

  it("counts across years", () => {
    const y25 = france.workingDaysBetween("2025-01-01", "2025-12-31");
    const y26 = france.workingDaysBetween("2026-01-01", "2026-12-31");
    const y27 = france.workingDaysBetween("2027-01-01", "2027-12-31");
    expect(france.workingDaysBetween("2025-01-01", "2027-12-31")).toBe(y25 + y26 + y27);
    expect(france.workingDaysBetween("2025-12-29", "2026-01-02")).toBe(4); // Jan 1 off
  });

  it("honours extra days off", () => {
    const cal = calendar.createWorkCalendar({ extraDaysOff: ["2026-05-15", "2026-05-16"] });
    expect(cal.isWorkingDay("2026-05-15")).toBe(false);
    expect(cal.workingDaysBetween("2026-01-01", "2026-12-31")).toBe(251); // May 16 is a Saturday
  });

  it("rejects unknown countries and regions with a typed error", () => {
    expect(() => calendar.createWorkCalendar({ country: "XX" })).toThrow(calendar.UnknownCalendarError);
    try {
      calendar.createWorkCalendar({ country: "FR", region: "ZZ" });
      throw new Error("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(calendar.UnknownCalendarError);
      const err = e as calendar.UnknownCalendarError;
      expect(err.country).toBe("FR");
      expect(err.region).toBe("ZZ");
      expect(coreErrorText(err, "fr")).toContain("ZZ");
    }
  });

  it("rejects malformed dates naming the field", () => {
    expect(() => france.workingDaysBetween("2026-02-30", "2026-03-01")).toThrow(calendar.InvalidDateError);
    expect(() => france.isWorkingDay("26-01-01")).toThrow(/not a valid date/);
    expect(() => calendar.createWorkCalendar({ extraDaysOff: ["tomorrow"] })).toThrow(/extraDaysOff\[0\]/);
  });

  it("agrees with a day-by-day count (property)", () => {
    const dayNumber = fc.integer({
      min: calendar.isoToDayNumber("2024-01-01"),
      max: calendar.isoToDayNumber("2028-12-31"),
    });
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: 0, max: 500 }), (start, length) => {
        const startIso = calendar.dayNumberToIso(start);
        const endIso = calendar.dayNumberToIso(start + length);
        const slow = calendar.eachDay(startIso, endIso).filter((d) => basRhin.isWorkingDay(d)).length;
        expect(basRhin.workingDaysBetween(startIso, endIso)).toBe(slow);
      }),
      { numRuns: 200 },
    );
  });
});

describe("ISO dates", () => {
  it("round-trips day numbers and knows weekdays", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (n) => {
        expect(calendar.isoToDayNumber(calendar.dayNumberToIso(n))).toBe(n);
      }),
    );
    expect(calendar.isoToDayNumber("1970-01-01")).toBe(0);
    expect(calendar.isoWeekday(calendar.isoToDayNumber("2026-11-29"))).toBe(7);
    expect(calendar.isoToDayNumber("2000-03-01") - calendar.isoToDayNumber("2000-02-28")).toBe(2);
  });

  it("agrees with Date.UTC", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(calendar.isoToDayNumber(iso)).toBe(Math.floor(d.getTime() / 86400000));
        },
      ),
    );
  });
});

describe("holiday names in a second year", () => {
  it("keeps the place's own language for every year read (2026, then 2027, then 2028)", () => {
    const france = calendar.createWorkCalendar({ country: "FR" });
    for (const year of [2026, 2027, 2028]) {
      const [newYear] = france.holidaysBetween(`${year}-01-01`, `${year}-01-01`);
      expect(newYear.name).toBe("Nouvel An");
      expect(newYear.nameEn).toBe("New Year's Day");
    }
  });
});
