import * as norms from "../../src/core/norms";
import * as plan from "../../src/core/plan";
import * as tracking from "../../src/core/tracking";
import * as types from "../../src/core/types";
import * as schema from "../../src/core/workbook/schema";
import { segmentIdOf as paneSegmentIdOf } from "../../src/taskpane/i18n/labels";
import { strategicId } from "../../src/functions/keys";

/** The segment tracking reads from a Clients table (the refresh, the pane and the CLI all read it so). */
const refreshSegmentId = (name: string): string =>
  tracking.clientsPlan({
    grid: [
      ["Code client", "CA N", "Segment"],
      ["C1", 1, name],
    ],
  }).plan[0]?.segment ?? "";

describe("one vocabulary (core/types)", () => {
  it("every layer's DEFAULT_NORMS and ABC_SEGMENTS are the core's own objects", () => {
    expect(norms.DEFAULT_NORMS).toBe(types.DEFAULT_NORMS);
    expect(schema.DEFAULT_NORMS).toBe(types.DEFAULT_NORMS);
    expect(plan.ABC_SEGMENTS).toBe(types.ABC_SEGMENTS);
    expect(types.KNOWN_SEGMENTS.map((s) => s.id)).toEqual([
      "retain",
      "develop",
      "atRisk",
      "maintain",
      "prospect",
      "A",
      "B",
      "C",
    ]);
  });

  it("segmentIdOf reads ids and both labels whatever the case, accents, spaces or punctuation", () => {
    for (const name of ["atRisk", "At risk", "at-risk", "ATRISK", "Érosion", "erosion", " érosion "])
      expect(types.segmentIdOf(name)).toBe("atRisk");
    expect(types.segmentIdOf("Fidéliser")).toBe("retain");
    expect(types.segmentIdOf("Classe B")).toBe("B");
    expect(types.segmentIdOf("c")).toBe("C");
    expect(types.segmentIdOf("vip")).toBeNull();
    expect(types.segmentIdOf("")).toBeNull();
    expect(types.segmentIdOf("Classe A", types.STRATEGIC_SEGMENTS)).toBeNull();
  });

  // The Excel layer matched labels exactly, the pane ignored case only, the CLI and the parsers
  // ignored accents too: the core's rule (the most lenient, losing no match any copy made) wins.
  it("the pane, the Excel layer and the functions all resolve a segment the core's way", () => {
    for (const name of ["AT RISK", "erosion", "Développer", "develop", "Classe C"]) {
      const id = types.segmentIdOf(name);
      expect(paneSegmentIdOf(name)).toBe(id);
      expect(refreshSegmentId(name)).toBe(id);
    }
    expect(strategicId("EROSION")).toBe("atRisk");
    expect(strategicId("Classe A")).toBeNull();
    expect(refreshSegmentId("custom")).toBe("custom");
  });

  it("one TrackingStatus: the core's statuses are the keys of the workbook's labels", () => {
    const statuses: types.TrackingStatus[] = ["Under", "OnTrack", "Over", "NoPlan"];
    expect(statuses.map((s) => schema.statusText(s, "fr"))).toEqual([
      "En retard",
      "Dans le rythme",
      "En avance",
      "Sans plan",
    ]);
    expect(Object.keys(schema.STATUS_LABELS)).toEqual(["Under", "OnTrack", "Over"]);
    expect(tracking.statusOf(0, 6, 12)).toBe("Under");
  });

  it("the unit brands are what the core returns: weighted contacts and working days stay numbers", () => {
    const ve: types.VisitEquivalents = norms.weighted({ visit: 2, call: 4 });
    expect(ve).toBe(3);
    expect(tracking.weighted({ video: 2 }, types.DEFAULT_CHANNELS)).toBe(1);
  });
});
