/** The Actions table: read (1 round trip) and append one action (2 round trips). */
import * as schema from "../core/workbook/schema";
import { excelSerialToIso, isoToExcelSerial } from "../core/tracking";
import { gatewayError } from "./errors";
import type { ActionRow, ActionStatus } from "./gateway.types";
import type { ExcelRun } from "./office";
import { idText } from "./planLayout";
import { headerText, schemaState } from "./readSource";
import { columnIndex } from "./tableColumns";
import type { Lang } from "../core/workbook/schema";
import { asTypedText } from "./typedText";

const STATUS_BY_LABEL = new Map<string, ActionStatus>(
  (Object.keys(schema.ACTION_STATUS_LABELS) as ActionStatus[]).flatMap((s) => [
    [schema.ACTION_STATUS_LABELS[s].fr.toLowerCase(), s] as const,
    [schema.ACTION_STATUS_LABELS[s].en.toLowerCase(), s] as const,
    [s.toLowerCase(), s] as const,
  ]),
);

const isoOf = (v: unknown): string => (typeof v === "number" ? (excelSerialToIso(v) ?? "") : idText(v));

interface ActionsRead {
  rows: unknown[][];
  headers: string[];
  col: ReturnType<typeof columnIndex>;
}

async function load(
  context: Excel.RequestContext,
): Promise<ActionsRead & { table: Excel.Table; protectedSheet: boolean }> {
  const table = context.workbook.tables.getItemOrNullObject("Actions").load("name");
  const range = table.getRange().load("values");
  const protection = table.worksheet.protection.load("protected");
  const schemaRange = context.workbook.worksheets
    .getItemOrNullObject(schema.SCHEMA_SHEET)
    .getUsedRangeOrNullObject(true);
  schemaRange.load("values");
  await context.sync();
  if (table.isNullObject) throw gatewayError("notPlanWorkbook", { table: "Actions" });
  const values = range.values as unknown[][];
  const headers = (values[0] ?? []).map((v) => headerText(v as string));
  const state = schemaState(schemaRange.isNullObject ? null : (schemaRange.values as unknown[][]));
  return {
    rows: values.slice(1),
    headers,
    col: columnIndex(state, "Actions", headers),
    table,
    protectedSheet: protection.protected,
  };
}

const blank = (row: readonly unknown[]): boolean => row.every((v) => v === "" || v === null);

export async function readActions(run: ExcelRun): Promise<ActionRow[]> {
  return run(async (context) => {
    const { rows, col } = await load(context);
    return rows
      .filter((r) => !blank(r))
      .map((r) => ({
        clientId: idText(r[col("clientId")]),
        action: idText(r[col("action")]),
        owner: idText(r[col("owner")]),
        due: isoOf(r[col("due")]),
        status: STATUS_BY_LABEL.get(idText(r[col("status")]).toLowerCase()) ?? "open",
      }));
  });
}

/** Appends one action; the table's first row is reused while it is the blank row a new table starts with. */
export async function writeAction(run: ExcelRun, lang: Lang, a: ActionRow): Promise<void> {
  await run(async (context) => {
    const { rows, headers, col, table, protectedSheet } = await load(context);
    if (protectedSheet) throw gatewayError("sheetProtected", { sheet: "Actions" });
    const row: (string | number)[] = headers.map(() => "");
    row[col("clientId")] = a.clientId;
    row[col("action")] = a.action;
    row[col("owner")] = a.owner;
    row[col("due")] = a.due === "" ? "" : isoToExcelSerial(a.due);
    row[col("status")] = schema.ACTION_STATUS_LABELS[a.status][lang];
    // The rep's text stays text ("- rappeler" is not a formula).
    const typed = row.map(asTypedText);
    if (rows.length === 1 && blank(rows[0] ?? [])) table.getDataBodyRange().values = [typed];
    else table.rows.add(undefined, [typed]);
    await context.sync();
  });
}
