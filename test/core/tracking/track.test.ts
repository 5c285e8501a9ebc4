import * as fc from "fast-check";
import * as calendar from "../../../src/core/calendar";
import * as tracking from "../../../src/core/tracking";

const fr = calendar.createWorkCalendar({ country: "FR" });
const year2026 = { start: "2026-01-01", end: "2026-12-31" };

function planRow(id: string, planned: Record<string, number>, segment = "develop"): tracking.PlanRow {
  return { id, segment, planned, salesN: 100, salesN1: 100, potential: 200 };
}

function visits(clientId: string, dates: string[], channel = "visit"): tracking.ContactLike[] {
  return dates.map((date) => ({ date, clientId, channel }));
}

describe("elapsedShare", () => {
  it("counts working days with the as-of day included (domain worked example: 123 of 252)", () => {
    const e = tracking.elapsedShare(year2026, "2026-06-30", fr);
    expect(e).toEqual({ share: 123 / 252, elapsedDays: 123, totalDays: 252, remainingDays: 129 });
    expect(e.share).toBeCloseTo(0.488, 3);
  });

  it("is 0 before the period and 1 from its last day on", () => {
    expect(tracking.elapsedShare(year2026, "2025-12-31", fr).share).toBe(0);
    expect(tracking.elapsedShare(year2026, "2025-12-31", fr).remainingDays).toBe(252);
    expect(tracking.elapsedShare(year2026, "2026-12-31", fr).share).toBe(1);
    expect(tracking.elapsedShare(year2026, "2027-03-01", fr)).toMatchObject({
      share: 1,
      elapsedDays: 252,
      remainingDays: 0,
    });
  });

  it("weights each working day by its month's seasonality weight", () => {
    const flat = tracking.elapsedShare(year2026, "2026-06-30", fr, new Array<number>(12).fill(2));
    expect(flat.share).toBeCloseTo(123 / 252, 12);
    // Only January counts: by January's last day the whole weight has elapsed.
    const januaryOnly = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(tracking.elapsedShare(year2026, "2026-01-31", fr, januaryOnly).share).toBe(1);
    // January 2026 has 21 working days (Jan 1 is a holiday), 10 of them by Jan 15.
    expect(tracking.elapsedShare(year2026, "2026-01-15", fr, januaryOnly).share).toBeCloseTo(10 / 21, 12);
  });

  it("refuses a reversed period and bad seasonality with named errors", () => {
    expect(() => tracking.elapsedShare({ start: "2026-12-31", end: "2026-01-01" }, "2026-06-30", fr)).toThrow(
      tracking.InvalidPeriodError,
    );
    expect(() => tracking.elapsedShare(year2026, "2026-06-30", fr, [1, 2, 3])).toThrow(
      tracking.InvalidSeasonalityError,
    );
    expect(() => tracking.elapsedShare(year2026, "2026-06-30", fr, new Array<number>(12).fill(0))).toThrow(
      tracking.InvalidSeasonalityError,
    );
    expect(() => tracking.elapsedShare(year2026, "30/06/2026", fr)).toThrow(calendar.InvalidDateError);
  });
});

describe("trackClients", () => {
  it("reproduces the worked example: planned 12 visits, 4 done by 2026-06-30 → pace 0.68, Under", () => {
    const result = tracking.trackClients({
      plan: [planRow("A", { visit: 12 })],
      contacts: visits("A", ["2026-01-20", "2026-02-17", "2026-04-02", "2026-06-30"]),
      period: year2026,
      asOf: "2026-06-30",
      calendar: fr,
    });
    const a = result.clients[0];
    expect(a.plannedToDate).toBeCloseTo(5.86, 2);
    expect(a.pace).toBeCloseTo(0.68, 2);
    expect(a.status).toBe("Under");
    expect(a.actual).toEqual({ visit: 4, video: 0, call: 0, digital: 0 });
    expect(a.lastContact).toBe("2026-06-30");
    expect(a.daysSinceLastContact).toBe(0);
    expect(a.remaining.visit).toBe(8);
    expect(a.catchUp).toBeCloseTo(8 / 129, 12);
  });

  it("weights channels, caps earned per channel and classifies with the tolerance", () => {
    const result = tracking.trackClients({
      plan: [planRow("A", { visit: 2, call: 4 }), planRow("B", { visit: 4 }), planRow("N", {})],
      contacts: [
        ...visits("A", ["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"]),
        ...visits("A", ["2026-02-02", "2026-02-03"], "call"),
        ...visits("A", ["2026-02-04"], "digital"),
        ...visits("B", ["2026-02-01", "2026-03-01"]),
        ...visits("N", ["2026-02-01"]),
      ],
      period: year2026,
      asOf: "2026-12-31",
      calendar: fr,
    });
    const [a, b, n] = result.clients;
    expect(a.plannedWeighted).toBe(3);
    expect(a.actualWeighted).toBeCloseTo(4 + 0.5 + 0.1, 12);
    // Capped per client over all channels at 1.0 × 3: the unplanned digital contact counts too.
    expect(a.earnedWeighted).toBe(3);
    expect(a.status).toBe("Over");
    expect(b.pace).toBe(0.5);
    expect(b.status).toBe("Under");
    expect(n.status).toBe("NoPlan");
    expect(n.pace).toBeNull();
    expect(n.overdue).toBe(false);
  });

  it("puts actual exactly at planned to date ± τ on track (margin above one visit-equivalent)", () => {
    // planned 50, e = 0.2: due 10, margin max(2, 1) = 2.
    expect(tracking.statusOf(8, 10, 50)).toBe("OnTrack");
    expect(tracking.statusOf(12, 10, 50)).toBe("OnTrack");
    expect(tracking.statusOf(7.9, 10, 50)).toBe("Under");
    expect(tracking.statusOf(12.1, 10, 50)).toBe("Over");
    expect(tracking.statusOf(9, 10, 50, 0.05)).toBe("OnTrack"); // margin max(0.5, 1) = 1
    expect(tracking.statusOf(8.9, 10, 50, 0.05)).toBe("Under");
    expect(tracking.statusOf(3, 0, 0)).toBe("NoPlan");
    expect(tracking.statusMargin(10, 0.2)).toBe(2);
    expect(tracking.statusMargin(1.46, 0.2)).toBe(1);
  });

  it("status floor (domain worked example): planned 3 visits, as of 2026-06-30", () => {
    const plan = [planRow("A", { visit: 3 })];
    const run = (dates: string[]) =>
      tracking.trackClients({
        plan,
        contacts: visits("A", dates),
        period: year2026,
        asOf: "2026-06-30",
        calendar: fr,
      }).clients[0];
    const none = run([]);
    expect(none.plannedToDate).toBeCloseTo(1.464, 3); // 3 × 123 / 252
    expect(none.status).toBe("Under");
    expect(run(["2026-02-01"]).status).toBe("OnTrack");
    expect(run(["2026-02-01", "2026-03-01"]).status).toBe("OnTrack");
    expect(run(["2026-02-01", "2026-03-01", "2026-04-01"]).status).toBe("Over");
  });

  it("nothing due yet: on track with at most one visit-equivalent, Over beyond", () => {
    expect(tracking.statusOf(0, 0, 12)).toBe("OnTrack");
    expect(tracking.statusOf(1, 0, 12)).toBe("OnTrack");
    expect(tracking.statusOf(1.5, 0, 12)).toBe("Over");
  });

  it("keeps a client at planned to date ± margin on track when float sums land a few ulps off (as the store's SQL does)", () => {
    // ten contacts of 0.1 summed one by one: 0.9999999999999999.
    let tenth = 0;
    for (let i = 0; i < 10; i++) tenth += 0.1;
    expect(tracking.statusOf(tenth + 10, 10, 50, 0)).toBe("OnTrack");
    expect(tracking.statusOf(12 + 0.1 * 3 - 0.3, 10, 50)).toBe("OnTrack");
    expect(tracking.statusOf(8 - 1e-6, 10, 50)).toBe("Under");
    expect(tracking.statusOf(12 + 1e-6, 10, 50)).toBe("Over");
    expect(tracking.STATUS_EPSILON).toBeLessThan(1e-6);
  });

  it("counts actual in [start, asOf], keeps older contacts for the last contact, ignores later ones", () => {
    const result = tracking.trackClients({
      plan: [planRow("A", { visit: 12 })],
      contacts: [
        ...visits("A", ["2025-12-10", "2026-03-02", "2026-09-01"]),
        ...visits("Z", ["2026-03-02"]),
        ...visits("A", ["2026-03-03"], "fax"),
        { date: "03/03/2026", clientId: "A", channel: "visit" },
        { date: "2026-03-04T10:30", clientId: "A", channel: "visit" },
      ],
      period: year2026,
      asOf: "2026-06-30",
      calendar: fr,
    });
    expect(result.clients[0].actual.visit).toBe(2);
    expect(result.ignored).toEqual({
      unknownClient: 1,
      unknownChannel: 1,
      badDate: 1,
      beforePeriod: 1,
      afterAsOf: 1,
    });
    const early = tracking.trackClients({
      plan: [planRow("A", { visit: 12 })],
      contacts: visits("A", ["2025-12-10"]),
      period: year2026,
      asOf: "2026-01-31",
      calendar: fr,
    });
    expect(early.clients[0].lastContact).toBe("2025-12-10");
    expect(early.clients[0].daysSinceLastContact).toBe(52);
  });

  it("flags overdue clients: days since the last contact > 365 / planned visits; never contacted → overdue", () => {
    const result = tracking.trackClients({
      plan: [
        planRow("A", { visit: 12 }),
        planRow("B", { visit: 12 }),
        planRow("C", { visit: 4 }),
        planRow("D", { call: 6 }),
        planRow("E", { visit: 1 }),
      ],
      contacts: [
        ...visits("A", ["2026-05-31"]),
        ...visits("B", ["2026-05-30"]),
        ...visits("C", ["2026-03-01"]),
        ...visits("D", ["2026-04-30"], "call"),
      ],
      period: year2026,
      asOf: "2026-06-30",
      calendar: fr,
    });
    // 365 / 12 = 30.4 days: 30 days is fine, 31 is overdue; 365 / 4 = 91.25 (C: 121 days); D: 365 / 6 = 60.8 (61 days).
    expect(result.clients.map((c) => [c.id, c.daysSinceLastContact, c.overdue])).toEqual([
      ["A", 30, false],
      ["B", 31, true],
      ["C", 121, true],
      ["D", 61, true],
      ["E", null, true],
    ]);
  });

  it("gives catch-up 0 when nothing remains and null when contacts remain but no working day", () => {
    expect(tracking.catchUpOf(0, 0)).toBe(0);
    expect(tracking.catchUpOf(3, 0)).toBeNull();
    expect(tracking.catchUpOf(3, 6)).toBe(0.5);
  });

  it("uses a client's own cap factor and refuses bad options", () => {
    const input: tracking.TrackingInput = {
      plan: [{ ...planRow("A", { visit: 2 }), capFactor: 1 }],
      contacts: visits("A", ["2026-02-01", "2026-03-01", "2026-04-01"]),
      period: year2026,
      asOf: "2026-12-31",
      calendar: fr,
    };
    expect(tracking.trackClients(input).clients[0].earnedWeighted).toBe(2);
    const raised = { ...input, plan: [{ ...planRow("A", { visit: 2 }), capFactor: 1.5 }] };
    expect(tracking.trackClients(raised).clients[0].earnedWeighted).toBe(3);
    expect(
      tracking.trackClients({ ...input, plan: [planRow("A", { visit: 2 })] }).clients[0].earnedWeighted,
    ).toBe(2);
    expect(() => tracking.trackClients({ ...input, options: { tolerance: 1.5 } })).toThrow(
      tracking.InvalidOptionError,
    );
    expect(() => tracking.trackClients({ ...input, options: { capFactor: 0.5 } })).toThrow(
      tracking.InvalidOptionError,
    );
  });
});

const arbitraryCase = fc
  .record({
    planned: fc.array(fc.record({ visit: fc.nat(12), call: fc.nat(8), digital: fc.nat(4) }), {
      minLength: 1,
      maxLength: 8,
    }),
    contacts: fc.array(
      fc.record({
        client: fc.nat(7),
        day: fc.integer({ min: 0, max: 364 }),
        channel: fc.constantFrom("visit", "video", "call", "digital"),
      }),
      { maxLength: 80 },
    ),
    asOfDay: fc.integer({ min: 0, max: 364 }),
    capFactor: fc.constantFrom(1, 1.25, 1.5, 2),
  })
  .map((c) => ({
    plan: c.planned.map((p, i) => planRow(`c${i}`, p)),
    contacts: c.contacts.map((x) => ({
      clientId: `c${x.client % c.planned.length}`,
      date: calendar.dayNumberToIso(calendar.isoToDayNumber("2026-01-01") + x.day),
      channel: x.channel,
    })),
    asOf: calendar.dayNumberToIso(calendar.isoToDayNumber("2026-01-01") + c.asOfDay),
    capFactor: c.capFactor,
  }));

describe("tracking invariants (property)", () => {
  it("pace and attainment do not depend on the order of contacts", () => {
    fc.assert(
      fc.property(arbitraryCase, fc.nat(), (c, seed) => {
        const shuffled = [...c.contacts]
          .sort((a, b) => ((a.date.charCodeAt(9) * 31 + seed) % 7) - ((b.date.charCodeAt(9) * 31 + seed) % 7))
          .reverse();
        const run = (contacts: typeof c.contacts) =>
          tracking.trackClients({
            plan: c.plan,
            contacts,
            period: year2026,
            asOf: c.asOf,
            calendar: fr,
            options: { capFactor: c.capFactor },
          });
        const a = run(c.contacts);
        const b = run(shuffled);
        expect(b.clients.map((x) => [x.pace, x.status, x.lastContact])).toEqual(
          a.clients.map((x) => [x.pace, x.status, x.lastContact]),
        );
        expect(tracking.portfolioKpis(b).attainment).toBe(tracking.portfolioKpis(a).attainment);
      }),
      { numRuns: 60 },
    );
  });

  it("capped earned never exceeds the cap nor the actual, per client over all channels", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const result = tracking.trackClients({
          plan: c.plan,
          contacts: c.contacts,
          period: year2026,
          asOf: c.asOf,
          calendar: fr,
          options: { capFactor: c.capFactor },
        });
        for (const client of result.clients) {
          expect(client.earnedWeighted).toBeLessThanOrEqual(c.capFactor * client.plannedWeighted + 1e-9);
          expect(client.earnedWeighted).toBeLessThanOrEqual(client.actualWeighted);
          expect(client.earnedWeighted).toBeGreaterThanOrEqual(0);
          expect(client.earnedWeighted).toBe(
            Math.min(client.actualWeighted, c.capFactor * client.plannedWeighted),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("trackClients on bad plan values", () => {
  it("counts blank, negative and non-numeric planned contacts as no plan rather than failing", () => {
    const result = tracking.trackClients({
      plan: [
        planRow("A", { visit: -3, call: Number.NaN }),
        planRow("B", { visit: 4, call: Number.POSITIVE_INFINITY }),
      ],
      contacts: visits("A", ["2026-02-01"]),
      period: year2026,
      asOf: "2026-06-30",
      calendar: fr,
    });
    expect(result.clients[0]).toMatchObject({ plannedWeighted: 0, status: "NoPlan", earnedWeighted: 0 });
    expect(result.clients[0].remaining).toEqual({ visit: 0, video: 0, call: 0, digital: 0 });
    expect(result.clients[1].plannedWeighted).toBe(4);
  });
});

describe("tracking end to end", () => {
  it("parses a log and tracks it: the worked example from a French grid with serial dates", () => {
    const grid = [
      ["Date", "Client", "Canal", "Note"],
      [tracking.isoToExcelSerial("2026-01-20"), "Boulangerie Dupont", "Visite", ""],
      ["17/02/2026", "A", "RDV", ""],
      ["2026-04-02", "a", "Visite terrain", ""],
      ["30/06/2026", "A", "Rendez-vous", ""],
      ["01/07/2026", "A", "Visite", "après la date"],
    ];
    const parsed = tracking.parseContacts(grid, [{ id: "A", name: "Boulangerie Dupont SARL" }]);
    expect(parsed.issues).toEqual([]);
    const result = tracking.trackClients({
      plan: [planRow("A", { visit: 12 })],
      contacts: parsed.contacts,
      period: year2026,
      asOf: "2026-06-30",
      calendar: fr,
    });
    expect(result.clients[0]).toMatchObject({ contacts: 4, status: "Under", lastContact: "2026-06-30" });
    expect(result.clients[0].pace).toBeCloseTo(0.68, 2);
    expect(result.ignored.afterAsOf).toBe(1);
  });

  it("follows a fiscal year across two calendar years", () => {
    const fiscal = { start: "2026-04-01", end: "2027-03-31" };
    const e = tracking.elapsedShare(fiscal, "2026-12-31", fr);
    expect(e.totalDays).toBe(fr.workingDaysBetween("2026-04-01", "2027-03-31"));
    expect(e.elapsedDays).toBe(fr.workingDaysBetween("2026-04-01", "2026-12-31"));
    expect(e.elapsedDays + e.remainingDays).toBe(e.totalDays);
  });

  it("moves the plan to date with seasonality: a summer-light year is further along by June", () => {
    const plain = tracking.trackClients({
      plan: [planRow("A", { visit: 12 })],
      contacts: visits("A", ["2026-03-02", "2026-05-04"]),
      period: year2026,
      asOf: "2026-06-30",
      calendar: fr,
    });
    const seasonal = tracking.trackClients({
      plan: [planRow("A", { visit: 12 })],
      contacts: visits("A", ["2026-03-02", "2026-05-04"]),
      period: year2026,
      asOf: "2026-06-30",
      calendar: fr,
      options: { seasonality: [1, 1, 1, 1, 1, 1, 0.2, 0.1, 1, 1, 1, 1] },
    });
    expect(seasonal.elapsed.share).toBeGreaterThan(plain.elapsed.share);
    expect(seasonal.clients[0].plannedToDate).toBeGreaterThan(plain.clients[0].plannedToDate);
    expect(seasonal.clients[0].pace!).toBeLessThan(plain.clients[0].pace!);
  });
});
