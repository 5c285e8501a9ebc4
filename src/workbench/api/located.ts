/**
 * How range proxies find their cells at sync time, and the checks every write makes.
 */
import { accessDenied, invalidArgument } from "./errors";
import type { Rect } from "../model/address";
import { rectInBounds } from "../model/address";
import type { SheetModel } from "../model/types";

export interface Located {
  sheet: SheetModel;
  rect: Rect;
}

/** Resolves a proxy's target at sync time; null means a null object. */
export type Locator = () => Located | null;

export function writable(located: Located, location: string): Located {
  if (located.sheet.protected) throw accessDenied(location);
  return located;
}

export function bounded(rect: Rect, location: string): Rect {
  if (!rectInBounds(rect)) throw invalidArgument(location, "The range would fall outside the worksheet.");
  return rect;
}

/** Derives a locator from a parent, keeping null objects null. */
export function derive(parent: Locator, make: (located: Located) => Rect | null, location: string): Locator {
  return () => {
    const base = parent();
    if (!base) return null;
    const rect = make(base);
    return rect ? { sheet: base.sheet, rect: bounded(rect, location) } : null;
  };
}
