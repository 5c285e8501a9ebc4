/** Ranges as Excel hands them to custom functions. */
import type { Cell } from "../../../src/functions/args";

/** A one-column range: one row per value. */
export const column = (values: readonly Cell[]): Cell[][] => values.map((v) => [v]);
