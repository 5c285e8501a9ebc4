/**
 * A sync host over any workbook reader/writer (the Excel gateway, or ExcelJS in the CLI): reads the
 * tables and the snapshot once, writes the new rows' ids and the outbox before the push, then what
 * came down. Keeps what it wrote in memory, so the second write compares with the cells as they are.
 */
import type { CellValue } from "../../core/types";
import type { SyncHost, SyncRead } from "../engine/run";
import { emptyMeta, type LocalChange, type SyncMeta } from "../engine/state";
import { readLocal, type LocalRead, type ReadIssue } from "./read";
import type { SheetTable, WorkbookIO, WorkbookSyncInput, WorkbookSyncWrite } from "./types";
import { applyTableWrite } from "./memory";
import { buildWrite, choicesOf, type WriteContext } from "./write";

export function parseState(chunks: readonly string[]): SyncMeta {
  const json = chunks.join("");
  if (json.trim() === "") return emptyMeta();
  try {
    const meta = JSON.parse(json) as Partial<SyncMeta>;
    if (meta.format !== 1 || typeof meta.base !== "object" || !Array.isArray(meta.outbox)) return emptyMeta();
    return meta as SyncMeta;
  } catch {
    throw new Error(
      "The workbook's sync memory (hidden sheet _cadence_sync) is damaged. / La mémoire de synchronisation du classeur (feuille masquée _cadence_sync) est endommagée.",
    );
  }
}

export interface WorkbookHost extends SyncHost {
  /** Rows read but not synced (contacts of clients not in this plan…), from the last read. */
  issues(): readonly ReadIssue[];
  /** Excel writes made (the host counts them; the pane's round trips are the gateway's). */
  writes(): number;
}

export function workbookHost(io: WorkbookIO, newId: () => string = () => crypto.randomUUID()): WorkbookHost {
  let ctx: WriteContext | null = null;
  let saved = false;
  let writes = 0;
  const context = (): WriteContext => {
    if (ctx === null) throw new Error("read() first");
    return ctx;
  };
  const put = async (w: WorkbookSyncWrite): Promise<void> => {
    await io.write(w);
    writes += 1;
    applyToContext(context(), w);
  };
  return {
    async read(): Promise<SyncRead> {
      const input = await io.read();
      const meta = parseState(input.state);
      meta.planRowId ??= newId();
      const read: LocalRead = readLocal(mutableInput(input), newId, meta.planRowId);
      ctx = { input: mutableInput(input), read };
      saved = false;
      return { local: read.local, meta, choices: choicesOf(input.conflictRows) };
    },
    async save(meta: SyncMeta, changes: readonly LocalChange[]): Promise<void> {
      await put(buildWrite(context(), meta, changes, true));
      saved = true;
    },
    async write(meta: SyncMeta, changes: readonly LocalChange[]): Promise<void> {
      const w = buildWrite(context(), meta, changes, !saved);
      saved = true;
      await put(w);
    },
    issues: () => ctx?.read.issues ?? [],
    writes: () => writes,
  };
}

function mutableInput(input: WorkbookSyncInput): WorkbookSyncInput {
  const copy = (t: SheetTable): SheetTable => ({ ...t, rows: t.rows.map((r) => [...r]) });
  return {
    ...input,
    tables: {
      Clients: copy(input.tables.Clients),
      Contacts: copy(input.tables.Contacts),
      Actions: copy(input.tables.Actions),
    },
    settings: { ...input.settings },
  };
}

/** Mirrors a write in the in-memory workbook and its row ids. */
function applyToContext(ctx: WriteContext, w: WorkbookSyncWrite): void {
  for (const id of ["Clients", "Contacts", "Actions"] as const) {
    const edits = w.tables[id];
    if (edits === undefined) continue;
    const table = ctx.input.tables[id];
    const ids = ctx.read.rowIds[id];
    const idCol = table.columnIds.indexOf("rowId");
    for (const c of edits.cells) if (c.col === idCol && typeof c.value === "string") ids[c.row] = c.value;
    for (const r of [...edits.remove].sort((a, b) => b - a)) ids.splice(r, 1);
    for (const row of edits.append) {
      const rowId = idCol < 0 ? null : row[idCol];
      ids.push(typeof rowId === "string" ? rowId : null);
    }
    applyTableWrite(table, w, id);
  }
  Object.assign(ctx.input.settings as Record<string, CellValue>, w.settings);
  for (const [name, key] of [
    ["Norms", "norms"],
    ["Channels", "channels"],
  ] as const)
    for (const c of w.params?.[name] ?? []) {
      const row = (ctx.input[key]?.rows as CellValue[][] | undefined)?.at(c.row);
      if (row !== undefined) row[c.col] = c.value;
    }
  ctx.read.assigned = [];
}
