/** domain.md, Capacity: dated leave is skipped by the elapsed share (August leave does not make September late). */
import * as calendar from "../../../src/core/calendar";
import * as capacity from "../../../src/core/capacity";
import * as tracking from "../../../src/core/tracking";

const period = { start: "2026-01-01", end: "2026-12-31" };
const plan: tracking.PlanRow[] = [
  { id: "A", segment: "retain", planned: { visit: 100 }, salesN: 1, salesN1: 1, potential: null },
];
// 59 visits by the end of September, none in August: planned to date 74.6 without the leave
// (Under below 59.7), 73.0 with it skipped (Under below 58.4).
const months = ["01", "02", "03", "04", "05", "06", "07", "09"];
const contacts = Array.from({ length: 59 }, (_, i) => ({
  date: `2026-${months[i % months.length] ?? "01"}-${String(1 + Math.floor(i / months.length)).padStart(2, "0")}`,
  clientId: "A",
  channel: "visit",
}));

test("the elapsed share skips dated leave: the rep is on track, not Under, after August", () => {
  const cap = capacity.computeCapacity({
    period,
    leaveDays: [{ start: "2026-08-03", end: "2026-08-21" }],
    nonFieldDays: 20,
    contactsPerDay: { visit: 4 },
  });
  expect(cap.datedDaysOff).toHaveLength(15);
  const asOf = "2026-09-30";
  const plain = calendar.createWorkCalendar({ country: "FR" });
  const withLeave = calendar.createWorkCalendar({ country: "FR", extraDaysOff: cap.datedDaysOff });
  const before = tracking.trackClients({ plan, contacts, period, asOf, calendar: plain });
  const after = tracking.trackClients({ plan, contacts, period, asOf, calendar: withLeave });
  const elapsed = plain.workingDaysBetween(period.start, asOf);
  expect(after.elapsed.share).toBeCloseTo((elapsed - 15) / (252 - 15), 12);
  expect(before.elapsed.share).toBeCloseTo(elapsed / 252, 12);
  expect(before.clients[0]?.status).toBe("Under");
  expect(after.clients[0]?.status).toBe("OnTrack");
});
