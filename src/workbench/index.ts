/** The workbench: an in-browser stand-in for Excel (see workbench.ts). */
export { createWorkbench, PAYLOAD_LIMIT_BYTES } from "./workbench";
export type { Workbench, WorkbenchOptions, SheetSeed, RunBatch } from "./workbench";
export type { WorkbenchStats } from "./api/context";
export { PLATFORMS, PLATFORM_SETS, isSetSupported } from "./api/platforms";
export type { Platform } from "./api/platforms";
export { WorkbenchApiError, ErrorCodes } from "./api/errors";
export type { ErrorCode } from "./api/errors";
export type { WorkbookSnapshot, SheetSnapshot, TableSnapshot } from "./snapshot";
