import * as fc from "fast-check";
import * as reforecast from "../../../src/core/reforecast";
import type { CellValue } from "../../../src/core/types";

const client = (id: string, remaining: Record<string, number>): reforecast.ClientReforecast => ({
  id,
  segment: "retain",
  baseline: {},
  done: {},
  demand: {},
  remaining,
});

describe("the Remaining columns in a plan's grid", () => {
  const grid: CellValue[][] = [
    ["Code client", "Segment", "Planned Field visit", "Planned Outbound call", "Weighted planned", "Mine"],
    ["R", "Retain", 10, 6, 11.5, "note"],
    ["", "", "", "", "", "a blank row"],
    ["K", "At risk", 8, 8, 10, ""],
  ];
  const rowIds = new Map([
    [1, "R"],
    [3, "K"],
  ]);
  const clients = [client("R", { visit: 6, call: 6 }), client("K", { visit: 5, call: 7 })];

  test("go right after the last planned column, in the language asked; other cells move along unchanged", () => {
    const out = reforecast.withRemainingColumns(grid, rowIds, clients, ["visit", "call"], "fr");
    expect(out).toEqual([
      [
        "Code client",
        "Segment",
        "Planned Field visit",
        "Planned Outbound call",
        "Reste à faire Visite terrain",
        "Reste à faire Appel sortant",
        "Weighted planned",
        "Mine",
      ],
      ["R", "Retain", 10, 6, 6, 6, 11.5, "note"],
      ["", "", "", "", "", "", "", "a blank row"],
      ["K", "At risk", 8, 8, 5, 7, 10, ""],
    ]);
  });

  test("a second re-forecast writes over the Remaining columns of the first, in either language", () => {
    const first = reforecast.withRemainingColumns(grid, rowIds, clients, ["visit", "call"], "fr");
    const later = [client("R", { visit: 2, call: 1 }), client("K", { visit: 0, call: 3 })];
    const second = reforecast.withRemainingColumns(first, rowIds, later, ["visit", "call"], "en");
    expect(second[0]).toHaveLength(8);
    expect(second[0]?.slice(4, 6)).toEqual(["Remaining Field visit", "Remaining Outbound call"]);
    expect(second[1]).toEqual(["R", "Retain", 10, 6, 2, 1, 11.5, "note"]);
    expect(second[3]).toEqual(["K", "At risk", 8, 8, 0, 3, 10, ""]);
  });

  test("property: every cell of the grid, the baseline's first, is kept (shifted past the new columns only)", () => {
    const cell = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -5, max: 50 }), fc.constant(""));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.subarray(["visit", "video", "call", "digital"], { minLength: 1 }),
        fc.boolean(),
        (body, channels, withPlanned) => {
          const header: CellValue[] = withPlanned
            ? ["Code client", "Planned Field visit", "Autre", "Prévu Visio"]
            : ["Code client", "Autre"];
          const g = [header, ...body.map((r) => [`C${String(r[0] ?? "")}`, ...r.slice(1)])];
          const ids = new Map(g.slice(1).map((r, i) => [i + 1, String(r[0])]));
          const cs = [...ids.values()].map((id) => client(id, { visit: 1, video: 2, call: 3, digital: 4 }));
          const out = reforecast.withRemainingColumns(g, ids, cs, channels, "en");
          const width = Math.max(...g.map((r) => r.length));
          const insertAt = withPlanned ? 4 : width;
          out.forEach((row, r) => {
            expect(row).toHaveLength(width + channels.length);
            for (let c = 0; c < width; c++)
              expect(row[c < insertAt ? c : c + channels.length]).toEqual(g[r]?.[c] ?? "");
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
