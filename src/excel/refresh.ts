/**
 * Refresh: recomputes the Clients tracking columns (actual per channel, pace, status, last contact) and
 * the dashboard's chart sources from Clients, Contacts, Channels and Settings, with the core's tracking.
 * Round trips: 1 read + ceil(bytes / budget) write batches.
 */
import { createWorkCalendar } from "../core/calendar";
import { isoToExcelSerial, lorenzCurve, parseDateCell, trackClients } from "../core/tracking";
import type { PlanRow } from "../core/tracking";
import type { Channel, ChannelCounts } from "../core/types";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS, segmentIdOf } from "../core/types";
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import { parseAddress, rectAddress } from "./a1";
import { executeWrites } from "./batches";
import type { CellWrite } from "./chunks";
import { gatewayError } from "./errors";
import type { ProgressFn, RefreshResult } from "./gateway.types";
import type { ExcelRun } from "./office";
import { idText } from "./planLayout";
import { headerText, schemaState } from "./readSource";
import { columnIndex, optionalIndex } from "./tableColumns";
import type { UndoRecord } from "./undo";
import { resetUndoSheet, undoWrite } from "./undoStore";

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Segment cell (a label in either language, or an id) → segment id. */
export function segmentId(v: unknown): string {
  const text = idText(v);
  return segmentIdOf(text) ?? text;
}

/** The Lorenz curve sampled at 11 evenly spaced shares of potential (the chart's source). */
export function lorenzDeciles(points: readonly { x: number; y: number }[] | null): number[][] {
  return Array.from({ length: 11 }, (_, k) => {
    const x = k / 10;
    if (points === null) return [x, x];
    const after = points.findIndex((p) => p.x >= x);
    const b = points[after] ?? { x: 1, y: 1 };
    const a = points[after - 1] ?? b;
    const y = b.x === a.x ? b.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    return [x, Math.round(y * 1000) / 1000];
  });
}

function channelsOf(values: readonly unknown[][]): Channel[] {
  const rows = values.slice(1).filter((r) => idText(r[0]) !== "");
  const out = rows.map((r) => {
    const id = idText(r[0]);
    const builtIn = DEFAULT_CHANNELS.find((c) => c.id === id);
    return {
      id,
      labelFr: builtIn?.labelFr ?? id,
      labelEn: builtIn?.labelEn ?? id,
      weight: num(r[2]) ?? builtIn?.weight ?? 0,
    };
  });
  return out.length > 0 ? out : [...DEFAULT_CHANNELS];
}

export async function refresh(
  run: ExcelRun,
  options: { lang: Lang; budget: number },
  asOf: string,
  progress?: ProgressFn,
): Promise<{ result: RefreshResult; record: UndoRecord }> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const tables = context.workbook.tables;
    const clients = tables.getItemOrNullObject("Clients").load("name");
    const clientRange = clients.getRange().load("address,values");
    const clientSheet = clients.worksheet.load("name");
    const protection = clients.worksheet.protection.load("protected");
    const contacts = tables.getItemOrNullObject("Contacts").load("name");
    const contactRange = contacts.getRange().load("values");
    const channels = tables.getItemOrNullObject("Channels").load("name");
    const channelRange = channels.getRange().load("values");
    const settings = schema.SETTINGS.map((s) =>
      context.workbook.names.getItemOrNullObject(s.name).getRange().load("values"),
    );
    const schemaRange = sheets
      .getItemOrNullObject(schema.SCHEMA_SHEET)
      .getUsedRangeOrNullObject(true)
      .load("values");
    const undoSheet = sheets.getItemOrNullObject(schema.UNDO_SHEET).load("name");
    const dashboards = (["fr", "en"] as const).map((l) =>
      sheets.getItemOrNullObject(schema.SHEET_NAMES.dashboard[l]).load("name"),
    );
    await context.sync();

    if (clients.isNullObject) throw gatewayError("notPlanWorkbook", { table: "Clients" });
    if (contacts.isNullObject) throw gatewayError("notPlanWorkbook", { table: "Contacts" });
    if (protection.protected) throw gatewayError("sheetProtected", { sheet: clientSheet.name });
    const state = schemaState(schemaRange.isNullObject ? null : (schemaRange.values as unknown[][]));
    const lang = state.lang ?? options.lang;
    const setting = (name: string): unknown => {
      const i = schema.SETTINGS.findIndex((s) => s.name === name);
      const r = settings.at(i);
      return r === undefined || r.isNullObject
        ? schema.SETTINGS[i]?.value
        : (r.values as unknown[][])[0]?.[0];
    };
    const dateSetting = (name: string, fallback: string): string => parseDateCell(setting(name)) ?? fallback;
    const period = {
      start: dateSetting("Cadence_PeriodStart", `${asOf.slice(0, 4)}-01-01`),
      end: dateSetting("Cadence_PeriodEnd", `${asOf.slice(0, 4)}-12-31`),
    };
    const region = idText(setting("Cadence_Region"));
    const calendar = createWorkCalendar({
      country: idText(setting("Cadence_Country")) || "FR",
      region: region === "" ? null : region,
    });
    const channelList = channels.isNullObject
      ? [...DEFAULT_CHANNELS]
      : channelsOf(channelRange.values as unknown[][]);

    const values = clientRange.values as unknown[][];
    const headers = (values[0] ?? []).map((v) => headerText(v as string));
    const col = columnIndex(state, "Clients", headers);
    const body = values.slice(1);
    const plan: PlanRow[] = body.map((r) => {
      const planned: ChannelCounts = {};
      for (const c of channelList) {
        const at = optionalIndex(col, `planned.${c.id}`);
        planned[c.id] = at < 0 ? 0 : (num(r[at]) ?? 0);
      }
      return {
        id: idText(r[col("id")]),
        segment: segmentId(r[col("segment")]),
        planned,
        salesN: num(r[col("salesN")]),
        salesN1: num(r[col("salesN1")]),
        potential: num(r[col("potential")]),
      };
    });
    const contactValues = contactRange.values as unknown[][];
    const contactCol = columnIndex(
      state,
      "Contacts",
      (contactValues[0] ?? []).map((v) => headerText(v as string)),
    );
    const log = contactValues.slice(1).map((r) => ({
      date: parseDateCell(r[contactCol("date")]) ?? "",
      clientId: idText(r[contactCol("clientId")]),
      channel: idText(r[contactCol("channel")]),
    }));
    progress?.({ phase: "compute", done: 0, total: plan.length });
    const tracked = trackClients({ plan, contacts: log, period, asOf, calendar, channels: channelList });

    const rect = parseAddress(clientRange.address);
    const sheetName = clientSheet.name;
    const trackingIds = schema.TRACKING_COLUMNS.map((c) => c.id);
    const cellOf = (id: string, i: number): string | number => {
      const t = tracked.clients.at(i);
      if (t === undefined) return "";
      if (id.startsWith("actual.")) return t.actual[id.slice("actual.".length)] ?? 0;
      if (id === "pace") return t.pace === null ? "" : Math.round(t.pace * 1000) / 1000;
      // A client without a plan gets a blank status cell in the Clients table.
      if (id === "status") return t.status === "NoPlan" ? "" : schema.statusText(t.status, lang);
      return t.lastContact === null ? "" : isoToExcelSerial(t.lastContact);
    };
    const record: UndoRecord = {
      action: "refresh",
      at: new Date().toISOString(),
      cells: [],
      addedColumns: [],
      addedRows: [],
      schemaBefore: null,
    };
    const writes: CellWrite[] = [];
    if (body.length > 0) {
      for (const id of trackingIds) {
        const at = col(id);
        const address = rectAddress({
          r0: rect.r0 + 1,
          c0: rect.c0 + at,
          r1: rect.r0 + body.length,
          c1: rect.c0 + at,
        });
        record.cells.push({ sheet: sheetName, address, formulas: body.map((r) => [r[at] ?? ""]) });
        writes.push({ sheet: sheetName, address, values: body.map((_, i) => [cellOf(id, i)]) });
      }
    }
    const dashboard = dashboards.find((d) => !d.isNullObject);
    if (dashboard !== undefined) {
      const bySegment = STRATEGIC_SEGMENTS.map((s) => {
        const rows = tracked.clients.filter((c) => c.segment === s.id);
        const sum = (f: (c: (typeof rows)[number]) => number): number =>
          Math.round(rows.reduce((a, c) => a + f(c), 0) * 100) / 100;
        return [sum((c) => c.plannedWeighted), sum((c) => c.actualWeighted)];
      });
      const curve = lorenzCurve(
        tracked.clients.map((c) => ({
          id: c.id,
          salesN: c.salesN,
          potential: c.potential,
          effort: c.actualWeighted,
        })),
      );
      writes.push({ sheet: dashboard.name, address: `B2:C${bySegment.length + 1}`, values: bySegment });
      writes.push({ sheet: dashboard.name, address: "E2:F12", values: lorenzDeciles(curve) });
    }
    writes.unshift(undoWrite(record));
    await executeWrites(
      context,
      writes,
      options.budget,
      () => {
        resetUndoSheet(context, !undoSheet.isNullObject);
      },
      progress,
    );
    const count = (s: string): number => tracked.clients.filter((c) => c.status === s).length;
    return {
      result: {
        asOf,
        clients: plan.length,
        contacts: log.length,
        under: count("Under"),
        onTrack: count("OnTrack"),
        over: count("Over"),
      },
      record,
    };
  });
}
