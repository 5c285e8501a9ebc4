/** The store's wire contract, shared by server/ and sync/. */
export * from "./tables";
export * from "./replication";
export * from "./people";
export * from "./team";
export * from "./errors";
export * from "./steering";
