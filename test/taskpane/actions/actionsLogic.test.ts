import fc from "fast-check";
import type { ActionRow } from "../../../src/excel/gateway.types";
import { isIsoDate, isOverdue, sortActions, validateDraft } from "../../../src/taskpane/actions/actionsLogic";

const arbRow: fc.Arbitrary<ActionRow> = fc.record({
  clientId: fc.constantFrom("C1", "C2", "C3"),
  action: fc.string({ maxLength: 5 }),
  owner: fc.constant(""),
  due: fc.constantFrom("", "2026-01-15", "2026-03-01", "2026-12-31"),
  status: fc.constantFrom("open" as const, "done" as const, "cancelled" as const),
});

describe("actionsLogic", () => {
  it("sorts a permutation: open plans first, then by due date with blanks last", () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 20 }), (rows) => {
        const sorted = sortActions(rows);
        expect(sorted).toHaveLength(rows.length);
        expect([...sorted].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
          [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        );
        const firstClosed = sorted.findIndex((r) => r.status !== "open");
        if (firstClosed >= 0) expect(sorted.slice(firstClosed).every((r) => r.status !== "open")).toBe(true);
        const open = sorted.filter((r) => r.status === "open").map((r) => r.due);
        const dated = open.filter((d) => d !== "");
        expect(open.slice(0, dated.length)).toEqual([...dated].sort());
      }),
    );
  });

  it("validates drafts field by field", () => {
    expect(
      validateDraft({ clientId: " ", action: "", owner: "", due: "2026-02-30", status: "open" }),
    ).toEqual({
      clientId: "clientRequired",
      action: "actionRequired",
      due: "badDate",
    });
    expect(validateDraft({ clientId: "C1", action: "Call", owner: "", due: "", status: "open" })).toEqual({
      due: "dueRequired",
    });
    const clients = new Map([["C1", "Kappa"]]);
    const draft = {
      clientId: "C99999",
      action: "Call",
      owner: "",
      due: "2026-03-01",
      status: "open" as const,
    };
    expect(validateDraft(draft, clients)).toEqual({ clientId: "unknownClient" });
    expect(validateDraft({ ...draft, clientId: " C1 " }, clients)).toEqual({});
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("28/02/2026")).toBe(false);
  });

  it("calls an open plan overdue only after its due date", () => {
    const row: ActionRow = { clientId: "C1", action: "x", owner: "", due: "2026-03-01", status: "open" };
    expect(isOverdue(row, "2026-03-01")).toBe(false);
    expect(isOverdue(row, "2026-03-02")).toBe(true);
    expect(isOverdue({ ...row, status: "done" }, "2026-03-02")).toBe(false);
    expect(isOverdue({ ...row, due: "" }, "2027-01-01")).toBe(false);
  });
});
