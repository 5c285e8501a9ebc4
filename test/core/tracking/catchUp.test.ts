import * as tracking from "../../../src/core/tracking";

// The worked example's year: 252 working days, 207 of them available; one office day a week.
const holds: tracking.DayHolds = {
  visitsPerDay: 4,
  remotePerDay: 3,
  fieldShare: 166 / 252,
  remoteShare: 41 / 252,
};

describe("catch-up per channel", () => {
  test("says what a day holds and how many contacts cannot be made, never one figure in visit-equivalents", () => {
    const lines = tracking.catchUpByChannel({ visit: 500, call: 200, video: 0 }, 100, holds);
    const visit = lines.find((l) => l.channel === "visit")!;
    expect(visit.perDay).toBe(5);
    expect(visit.holds).toBeCloseTo((4 * 166) / 252, 12); // 2.63 visits an average working day
    expect(visit.reachable).toBe(false);
    expect(visit.cannotMake).toBe(500 - Math.floor((400 * 166) / 252)); // 237
    const call = lines.find((l) => l.channel === "call")!;
    // All the remote time goes to calls: 3 VE × 41/252 a day = 1.95 calls… × 4 per VE.
    expect(call.holds).toBeCloseTo((3 * 41) / 252 / 0.25, 12);
    expect(call.cannotMake).toBe(200 - Math.floor(((300 * 41) / 252) * 4));
    expect(lines.some((l) => l.channel === "video")).toBe(false);
  });

  test("a reachable catch-up has nothing it cannot make", () => {
    const [visit] = tracking.catchUpByChannel({ visit: 100 }, 100, holds);
    expect(visit).toMatchObject({ channel: "visit", perDay: 1, reachable: true, cannotMake: 0 });
  });

  test("with no remote time, every remaining call is one that cannot be made; no day left gives no pace", () => {
    const noRemote = { ...holds, remoteShare: 0 };
    const [call] = tracking.catchUpByChannel({ call: 30 }, 10, noRemote);
    expect(call).toMatchObject({ holds: 0, reachable: false, cannotMake: 30 });
    const [late] = tracking.catchUpByChannel({ visit: 3 }, 0, holds);
    expect(late).toMatchObject({ perDay: null, cannotMake: 3 });
  });

  test("sums the clients' remaining contacts per channel", () => {
    const lines = tracking.portfolioCatchUp(
      {
        clients: [{ remaining: { visit: 2, call: 1 } }, { remaining: { visit: 3 } }],
        elapsed: { remainingDays: 10 },
      },
      holds,
    );
    expect(lines.map((l) => [l.channel, l.remaining])).toEqual([
      ["visit", 5],
      ["call", 1],
    ]);
  });
});
