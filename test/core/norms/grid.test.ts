import * as norms from "../../../src/core/norms";
import * as parse from "../../../src/core/parse";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS } from "../../../src/core/types";

describe("normTableFromGrid", () => {
  it("reads the workbook's Norms table with French labels back into DEFAULT_NORMS", () => {
    const grid = [
      ["Segment", ...DEFAULT_CHANNELS.map((c) => c.labelFr)],
      ...STRATEGIC_SEGMENTS.map((s) => [
        s.labelFr,
        ...DEFAULT_CHANNELS.map((c) => norms.DEFAULT_NORMS[s.id][c.id] ?? ""),
      ]),
    ];
    const r = norms.normTableFromGrid(grid);
    expect(r.issues).toEqual([]);
    expect(r.table).toEqual(norms.DEFAULT_NORMS);
  });

  it("accepts ids, English labels and user segments", () => {
    const r = norms.normTableFromGrid([
      ["", "visit", "Outbound call", "Visio"],
      ["retain", 10, 6, ""],
      ["Key accounts", "12", "4,5", 2],
    ]);
    expect(r.table).toEqual({
      retain: { visit: 10, call: 6 },
      "Key accounts": { visit: 12, call: 4.5, video: 2 },
    });
  });

  it("reports and ignores bad cells, unknown channels, missing and repeated segments", () => {
    const r = norms.normTableFromGrid(
      [
        ["Segment", "Visites", "Fax", "Appels"],
        ["Fidéliser", "dix", 3, -1],
        ["", 1, 1, 1],
        ["#N/A", 1, 1, 1],
        ["retain", 1, 1, 1],
        ["Développer", "#REF!", "", 6],
      ],
      { firstRow: 3 },
    );
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "Fax", "unknownValue"],
      [4, "Visites", "notANumber"],
      [4, "Appels", "negative"],
      [5, "Segment", "missingId"],
      [6, "Segment", "missingId"],
      [7, "Segment", "duplicate"],
      [8, "Visites", "excelError"],
    ]);
    expect(r.table).toEqual({ retain: {}, develop: { call: 6 } });
    const messages = r.issues.map((i) => parse.formatIssue(i, "fr"));
    expect(messages[0]).toBe("ligne 3, colonne 'Fax' : canal inconnu 'Fax' ; colonne ignorée");
    expect(messages[3]).toBe("ligne 5, colonne 'Segment' : segment manquant ; ligne ignorée");
    expect(r.issues[5]?.message).toBe(
      "row 7, column 'Segment': segment 'retain' already given on row 4; row ignored",
    );
  });

  it("gives an empty table for an empty grid", () => {
    expect(norms.normTableFromGrid([])).toEqual({ table: {}, issues: [] });
  });
});
