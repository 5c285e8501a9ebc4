import type { MouseEvent } from "react";

/**
 * A button's action, run on a single click only: the second click of a double click (event.detail 2)
 * does nothing. An action that finishes between the two clicks (a fast import) would otherwise run twice.
 */
export function singleClick(action: () => void): (event: MouseEvent) => void {
  return (event) => {
    if (event.detail > 1) return;
    action();
  };
}
