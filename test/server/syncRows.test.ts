/**
 * The synced tables' database types are derived from the contract (src/server/db/syncRows.ts): the
 * columns a migrated database holds are exactly the ones the types name, on both databases.
 */
import { SYNC_TABLE_NAMES, SYNC_TABLES } from "../../src/contract";
import { columnOf } from "../../src/server/db/columns";
import type { SnakeCase, SyncRow } from "../../src/server/db/syncRows";
import { TOTAL_COLUMNS } from "../../src/server/team/contactTotals";
import { DIALECTS, openTestStore } from "./support/stores";

// Compile-time: columnOf's spelling, and columns the contract names (a wrong one would not compile).
const spelled: [SnakeCase<"salesN1">, SnakeCase<"plannedWeighted">, SnakeCase<"clientId">] = [
  "sales_n1",
  "planned_weighted",
  "client_id",
];
type Has<K extends keyof SyncRow<"clients">> = K;
const clientColumns: Has<"sales_n1" | "cap_factor" | "planned_visit" | "rep_id" | "version">[] = ["sales_n1"];

test("SnakeCase spells columns as columnOf does", () => {
  expect(spelled).toEqual([columnOf("salesN1"), columnOf("plannedWeighted"), columnOf("clientId")]);
  expect(clientColumns).toEqual(["sales_n1"]);
});

test.each(DIALECTS)("every synced table holds exactly the contract's columns on %s", async (dialect) => {
  const t = await openTestStore(dialect);
  try {
    const tables = await t.store.db.introspection.getTables();
    for (const table of SYNC_TABLE_NAMES) {
      const found = tables.find(
        (x) => x.name === table && (t.store.schema === null || x.schema === t.store.schema),
      );
      const expected = [
        "id",
        "rep_id",
        "version",
        "deleted",
        "updated_at",
        "updated_by",
        ...Object.keys(SYNC_TABLES[table].fields)
          .filter((f) => f !== "repId" && f !== "deleted")
          .map(columnOf),
        ...(table === "clients" ? TOTAL_COLUMNS : []),
      ];
      expect([table, found?.columns.map((c) => c.name).sort()]).toEqual([table, [...expected].sort()]);
    }
  } finally {
    await t.drop();
  }
});
