/**
 * Text written through Range.values (or rows.add) is read by Excel as if typed: "=…", "+…", "-…"
 * and "@…" become formulas (a phone "+33 6 12 …" is a bad one and fails the whole batch; a CRM field
 * "=HYPERLINK(…)" would run), and a leading apostrophe is swallowed. A leading apostrophe is Excel's
 * own way to keep an entry as text: the cell then holds the text without it, so values read back
 * equal what was written. Numbers and booleans pass unchanged. Pure.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 */

const READ_AS_TYPED = /^[=+\-@']/;

/** The value to write so that Excel stores exactly this text. */
export function asTypedText<T>(value: T): T | string {
  return typeof value === "string" && READ_AS_TYPED.test(value) ? `'${value}` : value;
}

/** A grid of values to write so that every text stays the text it is. */
export function textAsTyped<T>(values: readonly (readonly T[])[]): (T | string)[][] {
  return values.map((row) => row.map(asTypedText));
}
