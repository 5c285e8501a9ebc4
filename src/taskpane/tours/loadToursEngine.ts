import type * as toursEngine from "./toursEngine";

export type ToursEngine = typeof toursEngine;

let loading: Promise<ToursEngine> | null = null;

/** Loads the tours engine once (a separate chunk, with the postal-code table loaded by it on first use). */
export function loadToursEngine(): Promise<ToursEngine> {
  loading ??= import("./toursEngine");
  return loading;
}
