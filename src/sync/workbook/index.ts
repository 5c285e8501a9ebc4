/** The plan workbook's synced tables as plain grids, for any host (Excel gateway, ExcelJS). */
export * from "./types";
export { readLocal, type LocalRead, type ReadIssue } from "./read";
export { buildWrite, choicesOf, stateChunks, CONFLICT_HEADERS } from "./write";
export { workbookHost, parseState, type WorkbookHost } from "./host";
export { memoryWorkbook, applyWrite, type MemoryWorkbook } from "./memory";
