/**
 * The demo follows its reference date ("today"): 52 working weeks ending the Friday before it, French
 * public holidays from the core's calendar (not a fixed list), the rep's leave every year, and the
 * same data for the same seed and date. The wizard plans today's calendar year: the demo of any
 * year has contacts inside that period, and none after today.
 */
import fc from "fast-check";
import { createWorkCalendar, isoToDayNumber, dayNumberToIso, isoWeekday } from "../../../src/core/calendar";
import { demoPeriod, generateDemo, localToday, workingDays } from "../../../src/workbench/demo";
import { leaveOf, referenceDate } from "../../../src/workbench/demo/period";
import { defaultChoices } from "../../../src/taskpane/plan/planModel";
import { planSettings } from "../../../src/taskpane/plan/planSettings";

/** The period the pane's wizard proposes on `today` (usePlanWizard: today's year), as Write records it. */
function wizardPeriod(today: string): { start: string; end: string } {
  const settings = planSettings(defaultChoices(Number(today.slice(0, 4))).capacity);
  return { start: settings.periodStart, end: settings.periodEnd };
}

const dates = (today: string): string[] =>
  generateDemo(1, { today })
    .contacts.slice(1)
    .map((row) => String(row[0]));

describe("demoPeriod", () => {
  it("ends the Friday strictly before the reference date and starts on the Monday 52 weeks before", () => {
    expect(demoPeriod("2026-11-28")).toEqual({ today: "2026-11-28", start: "2025-12-01", end: "2026-11-27" });
    // A Friday is not over yet: the week before.
    expect(demoPeriod("2026-11-27").end).toBe("2026-11-20");
    expect(demoPeriod("2026-11-30").end).toBe("2026-11-27");
    expect(demoPeriod("2027-01-06")).toEqual({ today: "2027-01-06", start: "2026-01-05", end: "2027-01-01" });
  });

  it("always spans 52 whole weeks, Monday to Friday, before the reference date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: isoToDayNumber("2000-01-01"), max: isoToDayNumber("2060-12-31") }),
        (d) => {
          const p = demoPeriod(dayNumberToIso(d));
          const start = isoToDayNumber(p.start);
          const end = isoToDayNumber(p.end);
          return (
            isoWeekday(start) === 1 &&
            isoWeekday(end) === 5 &&
            end - start === 52 * 7 - 3 &&
            end < d &&
            d - end <= 7
          );
        },
      ),
    );
  });

  it("names the field of a bad reference date", () => {
    expect(() => demoPeriod("2026-13-01")).toThrow(/today: "2026-13-01" is not a valid date/);
    expect(() => generateDemo(1, { today: "28/11/2026" })).toThrow(/today/);
  });
});

describe("the demo's working days", () => {
  it("skip France's public holidays of each year, as the core's calendar computes them", () => {
    for (const today of ["2026-11-28", "2027-12-20", "2031-06-02"]) {
      const period = demoPeriod(today);
      const days = new Set(workingDays(period));
      const holidays = createWorkCalendar({ country: "FR" }).holidaysBetween(period.start, period.end);
      expect(holidays.filter((h) => !h.weekend).length).toBeGreaterThanOrEqual(8);
      for (const h of holidays) expect(days.has(h.date)).toBe(false);
    }
    // 2027's moving feasts (Easter 28 March): Easter Monday, Ascension, Whit Monday.
    const days2027 = new Set(workingDays(demoPeriod("2027-12-20")));
    for (const feast of ["2027-03-29", "2027-05-06", "2027-05-17", "2027-07-14", "2027-11-11"])
      expect(days2027.has(feast)).toBe(false);
    expect(days2027.has("2027-03-30")).toBe(true);
  });

  it("leave the rep's leave out: Christmas week, ISO week 8, three weeks from August's first Monday", () => {
    // 2026 as the demo always had it.
    expect(leaveOf(2026).map(([a, b]) => [dayNumberToIso(a), dayNumberToIso(b)])).toEqual([
      ["2026-02-16", "2026-02-20"],
      ["2026-08-03", "2026-08-21"],
      ["2026-12-24", "2026-12-31"],
    ]);
    expect(leaveOf(2027).map(([a, b]) => [dayNumberToIso(a), dayNumberToIso(b)])).toEqual([
      ["2027-02-22", "2027-02-26"],
      ["2027-08-02", "2027-08-20"],
      ["2027-12-24", "2027-12-31"],
    ]);
    const days = new Set(workingDays(demoPeriod("2027-12-20")));
    for (const off of ["2027-02-22", "2027-08-02", "2027-08-20", "2026-12-28"])
      expect(days.has(off)).toBe(false);
    expect(days.has("2027-08-23")).toBe(true);
  });
});

describe("the demo for a reference date", () => {
  it("is the same for the same seed and date, and moves with the date", () => {
    const a = generateDemo(1, { today: "2027-06-15" });
    expect(generateDemo(1, { today: "2027-06-15" })).toEqual(a);
    // The clients do not depend on the date; the contacts' dates do.
    const b = generateDemo(1, { today: "2026-11-28" });
    expect(b.clients).toEqual(a.clients);
    expect(b.contacts).not.toEqual(a.contacts);
  });

  it.each(["2026-11-28", "2027-06-15", "2031-03-10"])(
    "dated %s, has contacts inside the wizard's default period and none after the reference date",
    (today) => {
      const period = wizardPeriod(today);
      expect(period.start).toBe(`${today.slice(0, 4)}-01-01`);
      const all = dates(today);
      const inside = all.filter((d) => d >= period.start && d <= period.end);
      // Several weeks of the year at least (10 weeks into 2031 and more later in the year).
      expect(inside.length).toBeGreaterThan(300);
      expect(all.every((d) => d < today)).toBe(true);
    },
  );

  it("dated any day from mid-January on, has contacts of today's year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2024, max: 2045 }), fc.integer({ min: 15, max: 364 }), (year, offset) => {
        const today = dayNumberToIso(isoToDayNumber(`${year}-01-01`) + offset);
        const { start, end } = wizardPeriod(today);
        const d = generateDemo(5, { clients: 60, today });
        return d.contacts.slice(1).some((row) => String(row[0]) >= start && String(row[0]) <= end);
      }),
      { numRuns: 25 },
    );
  });
});

describe("the workbench page's reference date", () => {
  const now = new Date(2027, 2, 4, 0, 30);

  it("is today in the rep's own time zone by default", () => {
    expect(localToday(now)).toBe("2027-03-04");
    expect(referenceDate(null, now)).toEqual({ today: "2027-03-04", problem: null });
    expect(referenceDate("", now)).toEqual({ today: "2027-03-04", problem: null });
  });

  it("takes ?today=YYYY-MM-DD, and names a bad one in both languages before using today", () => {
    expect(referenceDate("2026-11-28", now)).toEqual({ today: "2026-11-28", problem: null });
    const bad = referenceDate("2026-02-30", now);
    expect(bad.today).toBe("2027-03-04");
    expect(bad.problem).toContain("« today=2026-02-30 » : date AAAA-MM-JJ attendue");
    expect(bad.problem).toContain('"today=2026-02-30": expected a YYYY-MM-DD date');
    for (const odd of ["0001-01-01", "2101-01-01", "tomorrow", "2026-1-5"]) {
      expect(referenceDate(odd, now)).toMatchObject({
        today: "2027-03-04",
        problem: expect.stringContaining(odd),
      });
    }
  });
});
