import { lazyGateway } from "../../../src/taskpane/engine/lazyGateway";
import { createFakeGateway } from "../support/fakeGateway";

describe("lazyGateway", () => {
  it("loads the real gateway once, on first use, and forwards every call", async () => {
    const { gateway, state } = createFakeGateway({
      actions: [{ clientId: "C1", action: "Visit", owner: "", due: "", status: "open" }],
    });
    let loads = 0;
    const lazy = lazyGateway(() => {
      loads += 1;
      return Promise.resolve(gateway);
    });
    expect(loads).toBe(0);
    expect(lazy.canUndo()).toBe(false);
    const [actions] = await Promise.all([lazy.readActions(), lazy.selectCell("Sheet1", "B2")]);
    expect(actions).toHaveLength(1);
    expect(state.selected).toEqual([{ sheet: "Sheet1", address: "B2" }]);
    expect(loads).toBe(1);
    await lazy.importContacts({ csv: "date,client\n" });
    expect(lazy.canUndo()).toBe(true);
    expect(loads).toBe(1);
  });

  it("reports a failed load to the caller", async () => {
    const lazy = lazyGateway(() => Promise.reject(new Error("chunk failed")));
    await expect(lazy.readActions()).rejects.toThrow("chunk failed");
  });
});
