import fc from "fast-check";
import type { Client } from "../../../src/core/types";
import { client as base } from "../../support/clients";
import {
  defaultChoices,
  demandPerChannel,
  parseSource,
  segmentClients,
  summarise,
  segmentsFor,
} from "../../../src/taskpane/plan/planModel";
import { computeCapacity } from "../../../src/taskpane/engine/calendarEngine";
import { DEMO_GRID, sourceFrom } from "../support/fakeGateway";

const client = (
  id: string,
  salesN: number | null,
  salesN1: number | null,
  potential: number | null,
): Client => base(id, { salesN, salesN1, potential });

describe("planModel", () => {
  const choices = defaultChoices(2026);

  it("parses the source with its sheet rows and finds every client", () => {
    const parsed = parseSource({ ...choices, source: sourceFrom(DEMO_GRID) });
    expect(parsed?.clients.map((c) => c.id)).toEqual(["C1", "C2", "C3", "C4", "C5"]);
    expect(parsed?.issues).toEqual([]);
  });

  it("segments by the strategic rules and lets a pane override win", () => {
    const clients = [client("P", 0, 0, 100), client("R", 50, 100, 100), client("K", 90, 80, 100)];
    const plain = segmentClients(clients, choices.segmentation);
    expect(plain.map((s) => s.segment)).toEqual(["prospect", "atRisk", "retain"]);
    const forced = segmentClients(clients, { ...choices.segmentation, overrides: { K: "develop" } });
    expect(forced.find((s) => s.client.id === "K")).toMatchObject({ segment: "develop", forced: true });
  });

  it("summarises every client exactly once, whatever the thresholds", () => {
    const arbClient = fc
      .tuple(fc.nat(1000), fc.nat(1000), fc.option(fc.nat(2000), { nil: null }))
      .map(([n, n1, p]) => ({ n, n1, p }));
    fc.assert(
      fc.property(
        fc.array(arbClient, { minLength: 1, maxLength: 30 }),
        fc.double({ min: -0.5, max: 0, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (rows, trend, share) => {
          const clients = rows.map((r, i) => client(`c${i}`, r.n, r.n1, r.p));
          const seg = {
            ...choices.segmentation,
            params: { ...choices.segmentation.params, trendThreshold: trend, shareThreshold: share },
          };
          const summary = summarise(segmentClients(clients, seg), segmentsFor(seg));
          expect(summary.reduce((s, r) => s + r.clients, 0)).toBe(clients.length);
          expect(summary.reduce((s, r) => s + r.salesN, 0)).toBe(rows.reduce((s, r) => s + r.n, 0));
        },
      ),
    );
  });

  it("adds up what the norms ask for, per channel", () => {
    const segmented = segmentClients(
      [client("P", 0, 0, 100), client("K", 90, 80, 100)],
      choices.segmentation,
    );
    // prospect 2 visits + 3 calls; retain 10 visits + 6 calls (domain defaults)
    expect(demandPerChannel(segmented, choices.norms)).toEqual({ visit: 12, call: 9 });
  });

  it("computes the domain's capacity example and reports bad input as a value", () => {
    const outcome = computeCapacity({ ...choices.capacity, year: 2026, contactsPerDay: { visit: 4 } });
    expect(outcome.ok && outcome.result.workingDays).toBe(252);
    expect(outcome.ok && outcome.result.perChannel.visit).toBe(828);
    const bad = computeCapacity({ ...choices.capacity, leaveDays: -3 });
    expect(bad.ok).toBe(false);
  });
});
