/**
 * The exact boundaries of consolidation rules (domain.md): utilisation inside [0.9, 1.1] (bounds
 * included) is not flagged; an action is overdue when its due date is before the as-of date.
 */
import { coherenceFlags, ritualsOf } from "../../../src/core/consolidation";
import type { CoherenceRep } from "../../../src/core/consolidation";

/** One rep whose field visits use `planned` of a capacity of `capacity`. */
const rep = (repId: string, planned: number, capacity: number): CoherenceRep => ({
  repId,
  planned: { visit: planned },
  plannedWeighted: planned,
  capacity: capacity === 0 ? {} : { visit: capacity },
  bySegment: {},
});

describe("utilisation bounds", () => {
  it("does not flag utilisation at exactly 90 % or 110 %", () => {
    expect(coherenceFlags([rep("R1", 90, 100), rep("R2", 110, 100), rep("R3", 100, 100)])).toEqual([]);
  });

  it("flags just outside the bounds, with the bound crossed and bilingual messages", () => {
    const flags = coherenceFlags([rep("R1", 89, 100), rep("R2", 111, 100)]);
    expect(flags.map(({ message, messageFr, ...f }) => [f, message, messageFr])).toEqual([
      [
        { repId: "R1", kind: "utilisationLow", segment: null, channel: "visit", value: 0.89, reference: 0.9 },
        expect.stringMatching(/^R1: .+ utilisation 89\s?% is below 90\s?%\.$/),
        expect.stringMatching(/^R1 : utilisation .+ 89\s?% sous 90\s?%\.$/),
      ],
      [
        {
          repId: "R2",
          kind: "utilisationHigh",
          segment: null,
          channel: "visit",
          value: 1.11,
          reference: 1.1,
        },
        expect.stringMatching(/^R2: .+ utilisation 111\s?% is above 110\s?%\.$/),
        expect.stringMatching(/^R2 : utilisation .+ 111\s?% au-dessus de 110\s?%\.$/),
      ],
    ]);
  });

  it("honours custom bounds inclusively", () => {
    const options = { utilisationLow: 0.5, utilisationHigh: 0.75 };
    expect(coherenceFlags([rep("R1", 50, 100), rep("R2", 75, 100)], options)).toEqual([]);
    expect(coherenceFlags([rep("R1", 49, 100), rep("R2", 76, 100)], options).map((f) => f.kind)).toEqual([
      "utilisationLow",
      "utilisationHigh",
    ]);
  });

  it("flags a plan without capacity, and nothing when there is neither plan nor capacity", () => {
    expect(coherenceFlags([rep("R1", 0, 0)])).toEqual([]);
    expect(coherenceFlags([rep("R1", 12, 0)]).map((f) => [f.kind, f.value, f.reference, f.channel])).toEqual([
      ["noCapacity", null, 0, null],
    ]);
  });
});

describe("overdue actions", () => {
  const action = (dueDate: string | null, status = "open") => ({ owner: "M1", dueDate, status });

  it("counts an action due before the as-of date as overdue, not one due on it or after", () => {
    const rituals = ritualsOf(
      "M1",
      ["R1"],
      [],
      [
        action("2026-03-14"),
        action("2026-03-15"),
        action("2026-03-16"),
        action(null),
        action("2026-01-01", "Fait"),
      ],
      "2026-03-15",
    );
    expect(rituals.actionsOpen).toBe(4);
    expect(rituals.actionsOverdue).toBe(1);
    expect(rituals.actionsUndated).toBe(1);
  });
});
