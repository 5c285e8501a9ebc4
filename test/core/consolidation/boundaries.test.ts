/**
 * The exact boundaries of consolidation rules (domain.md): utilisation inside [0.9, 1.1] (bounds
 * included) is not flagged; an action is overdue when its due date is before the as-of date.
 */
import { coherenceFlags, ritualsOf } from "../../../src/core/consolidation";
import type { CoherenceRep } from "../../../src/core/consolidation";

const rep = (repId: string, plannedWeighted: number, capacityWeighted: number): CoherenceRep => ({
  repId,
  plannedWeighted,
  capacityWeighted,
  bySegment: {},
});

describe("utilisation bounds", () => {
  it("does not flag utilisation at exactly 90 % or 110 %", () => {
    expect(coherenceFlags([rep("R1", 90, 100), rep("R2", 110, 100), rep("R3", 100, 100)])).toEqual([]);
  });

  it("flags just outside the bounds, with the bound crossed and bilingual messages", () => {
    const flags = coherenceFlags([rep("R1", 89, 100), rep("R2", 111, 100)]);
    expect(flags).toEqual([
      {
        repId: "R1",
        kind: "utilisationLow",
        segment: null,
        value: 0.89,
        reference: 0.9,
        message: expect.stringMatching(/^R1: utilisation 89\s?% is below 90\s?%\.$/) as string,
        messageFr: expect.stringMatching(/^R1 : utilisation 89\s?% sous 90\s?%\.$/) as string,
      },
      {
        repId: "R2",
        kind: "utilisationHigh",
        segment: null,
        value: 1.11,
        reference: 1.1,
        message: expect.stringMatching(/^R2: utilisation 111\s?% is above 110\s?%\.$/) as string,
        messageFr: expect.stringMatching(/^R2 : utilisation 111\s?% au-dessus de 110\s?%\.$/) as string,
      },
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
    expect(coherenceFlags([rep("R1", 12, 0)])).toEqual([
      {
        repId: "R1",
        kind: "noCapacity",
        segment: null,
        value: null,
        reference: 0,
        message: "R1: 12.00 visit-equivalents planned with no capacity.",
        messageFr: "R1 : 12.00 équivalents-visites planifiés sans capital de visites.",
      },
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
