/**
 * Excel's "current region" around a cell: the smallest rectangle containing it whose surrounding
 * ring (the rows and columns just outside, corners included) is blank. Lets a rep click one cell
 * of their list instead of selecting it whole. Pure: works on the sheet's used-range values.
 */
import type { Rect } from "./a1";

const filled = (values: readonly (readonly unknown[])[], r: number, c: number): boolean => {
  const v = values[r]?.[c];
  return v !== undefined && v !== null && v !== "";
};

/** `values` starts at sheet cell (0,0) of its own frame; the result is in that frame. */
export function currentRegion(values: readonly (readonly unknown[])[], row: number, col: number): Rect {
  const rows = values.length;
  const cols = Math.max(0, ...values.map((r) => r.length));
  const rect = { r0: row, c0: col, r1: row, c1: col };
  const anyIn = (r0: number, c0: number, r1: number, c1: number): boolean => {
    for (let r = Math.max(0, r0); r <= Math.min(rows - 1, r1); r++) {
      for (let c = Math.max(0, c0); c <= Math.min(cols - 1, c1); c++) if (filled(values, r, c)) return true;
    }
    return false;
  };
  for (let grew = true; grew;) {
    grew = false;
    if (rect.r0 > 0 && anyIn(rect.r0 - 1, rect.c0 - 1, rect.r0 - 1, rect.c1 + 1))
      [rect.r0, grew] = [rect.r0 - 1, true];
    if (rect.r1 < rows - 1 && anyIn(rect.r1 + 1, rect.c0 - 1, rect.r1 + 1, rect.c1 + 1))
      [rect.r1, grew] = [rect.r1 + 1, true];
    if (rect.c0 > 0 && anyIn(rect.r0 - 1, rect.c0 - 1, rect.r1 + 1, rect.c0 - 1))
      [rect.c0, grew] = [rect.c0 - 1, true];
    if (rect.c1 < cols - 1 && anyIn(rect.r0 - 1, rect.c1 + 1, rect.r1 + 1, rect.c1 + 1))
      [rect.c1, grew] = [rect.c1 + 1, true];
  }
  return rect;
}
