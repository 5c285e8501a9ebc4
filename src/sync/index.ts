/** The store's client for the task pane: outbox, HTTP with retry, token providers. */
export { SyncClient } from "./client";
export type { SyncClientOptions, FieldEdit } from "./client";
export { memoryStorage } from "./storage";
export type { SyncState, SyncStorage } from "./storage";
export { patTokenProvider, ssoTokenProvider } from "./tokens";
export type { TokenProvider } from "./tokens";
export { DEFAULT_RETRY } from "./transport";
export type { FetchLike, RetryPolicy } from "./transport";
export { SyncHttpError, SyncUnavailableError, WrongPersonError } from "./errors";
export * from "./engine";
export * from "./workbook";
export { retryAfterOf } from "./transport";
export { fetchSteering, fetchTeamView, recordReview, ReviewRefusedError } from "./team";
export type { ReviewAction, ReviewRecord, SteeringView, StoreRequest, TeamView } from "./team";
