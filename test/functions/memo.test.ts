/**
 * The memo's keys by range address: calls of one synchronous dispatch (one message from Excel) that
 * name the same ranges share one content key; a later dispatch, a different scalar or a range without
 * an address reads the cells again, so edited cells are never answered from the cache.
 */
import "./support/customFunctions";
import * as fns from "../../src/functions/functions";
import { contentKey, keyAt, keyOf, keyStats } from "../../src/functions/memo";

const column = (values: (string | number | null)[]): (string | number | null)[][] => values.map((v) => [v]);
const nextDispatch = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(async () => {
  await nextDispatch();
  keyStats.byAddress = 0;
  keyStats.byContent = 0;
});

describe("keys by address within one dispatch", () => {
  const addresses = ["Clients!A2:A4", ""];

  test("calls naming the same ranges share the first call's content key without reading the cells", () => {
    const first = keyOf("F", [column(["a", "b", "c"]), 7], addresses);
    expect(first).toBe(contentKey("F", [column(["a", "b", "c"]), 7]));
    for (let i = 0; i < 10; i++) expect(keyOf("F", [column(["a", "b", "c"]), 7], addresses)).toBe(first);
    expect(keyStats).toEqual({ byAddress: 10, byContent: 1 });
  });

  test("the next dispatch reads the cells again: an edited cell gets its own key", async () => {
    const before = keyOf("F", [column(["a", "b", "c"]), 7], addresses);
    await nextDispatch();
    const after = keyOf("F", [column(["a", "EDITED", "c"]), 7], addresses);
    expect(after).not.toBe(before);
    expect(after).toBe(contentKey("F", [column(["a", "EDITED", "c"]), 7]));
    expect(keyStats.byAddress).toBe(0);
  });

  test("a different scalar, range size or address is a different call", () => {
    const base = keyOf("F", [column(["a", "b", "c"]), 7], addresses);
    expect(keyOf("F", [column(["a", "b", "c"]), 8], addresses)).toBe(
      contentKey("F", [column(["a", "b", "c"]), 8]),
    );
    expect(keyOf("F", [column(["a", "b"]), 7], addresses)).toBe(contentKey("F", [column(["a", "b"]), 7]));
    expect(keyOf("F", [column(["x", "y", "z"]), 7], ["Other!A2:A4", ""])).toBe(
      contentKey("F", [column(["x", "y", "z"]), 7]),
    );
    expect(keyOf("G", [column(["x", "y", "z"]), 7], addresses)).toBe(
      contentKey("G", [column(["x", "y", "z"]), 7]),
    );
    expect(base).toBe(contentKey("F", [column(["a", "b", "c"]), 7]));
    expect(keyStats.byAddress).toBe(0);
  });

  test("a range without an address (an inline array, an older Excel) is keyed by its content", () => {
    const inline = ["", ""];
    const a = keyOf("F", [column(["a", "b", "c"]), 7], inline);
    const b = keyOf("F", [column(["a", "B", "c"]), 7], inline);
    expect(a).not.toBe(b);
    expect(keyOf("F", [column(["a", "b", "c"]), 7], [null, ""])).toBe(a);
    expect(keyOf("F", [column(["a", "q", "c"]), 7], ["Clients!A2:A4"])).toBe(
      contentKey("F", [column(["a", "q", "c"]), 7]),
    );
    expect(keyStats.byAddress).toBe(0);
  });

  test("keyAt aligns Excel's parameter addresses with the key's arguments", () => {
    const params = [[["x"]], 1, undefined, [["y"]]];
    const addresses = (inv?: Parameters<typeof keyAt>[2]) => keyAt(params, [0, 2, 3], inv).addresses;
    expect(keyAt(params, [0, 2, 3]).args).toEqual([[["x"]], null, [["y"]]]);
    expect(addresses({ parameterAddresses: ["A", "B", "C", "D"] })).toEqual(["A", "C", "D"]);
    expect(keyAt(params, [0, 2], { parameterAddresses: ["A"] }).addresses).toEqual(["A", undefined]);
    expect(addresses(undefined)).toBeUndefined();
    expect(addresses({ parameterAddresses: null })).toBeUndefined();
    expect(addresses({})).toBeUndefined();
  });
});

describe("per-row ALLOCATE as Excel dispatches it", () => {
  const segments = column(["Retain", "Develop", "Maintain", "Retain", "Develop"]);
  const ids = column(["C1", "C2", "C3", "C4", "C5"]);
  const invocation = { parameterAddresses: ["Clients!C2:C6", "", "Clients!A2", "Clients!A2:A6"] };
  const copy = <T>(m: T[][]): T[][] => m.map((row) => [...row]);
  const perRow = (segs: (string | number | null)[][], capacity: number, inv?: typeof invocation): unknown[] =>
    ids.map(([id]) =>
      fns.allocate(
        copy(segs),
        capacity,
        id,
        copy(ids),
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        inv as never,
      ),
    );

  test("one dispatch with addresses gives every row what the spilled allocation gives it", () => {
    const spilled = fns.allocate(copy(segments), 20, null, copy(ids));
    expect(perRow(segments, 20, invocation)).toEqual(spilled.map((row) => [row]));
    expect(keyStats.byAddress).toBe(4);
  });

  test("after an edit, the next recalculation's rows follow the edited cells", async () => {
    const before = perRow(segments, 20, invocation);
    await nextDispatch();
    const edited = column(["Retain", "Develop", "Maintain", "Retain", "Retain"]);
    const after = perRow(edited, 20, invocation);
    expect(after).toEqual(fns.allocate(copy(edited), 20, null, copy(ids)).map((row) => [row]));
    expect(after).not.toEqual(before);
    await nextDispatch();
    expect(perRow(edited, 12, invocation)).toEqual(
      fns.allocate(copy(edited), 12, null, copy(ids)).map((row) => [row]),
    );
  });
});
