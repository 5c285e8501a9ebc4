/** Workbook sync: diff against the snapshot, outbox, push, pull, apply; hosts read and write. */
export * from "./state";
export { diff, followEdits } from "./diff";
export { applyPulled, resolveHeld, settlePush, type Choice, type HeldChoice } from "./reconcile";
export * from "./run";
