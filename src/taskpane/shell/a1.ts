/** A1 addresses for linking a row issue to its cell. */

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(index: number): string {
  let n = Math.floor(index) + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 1-based row and 0-based column → "C12". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
