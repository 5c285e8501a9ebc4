/**
 * CSV text (a CRM export) → rows of strings. RFC 4180 quoting ("a ""b""", line breaks inside quotes),
 * a UTF-8 BOM dropped, CRLF or LF, and the delimiter (`,` or `;`) guessed from the header line.
 */

/** The delimiter of the first line outside quotes: `;` when it has more of them than `,` (French exports). */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

export function parseCsv(
  input: string,
  delimiter: "," | ";" = detectDelimiter(input.replace(/^\uFEFF/, "")),
): string[][] {
  const text = input.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRow = (): void => {
    row.push(field);
    field = "";
    // A trailing empty line is not a row.
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else if (ch === "\n" || ch === "\r") endRow();
    else field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Rows → CSV text (quoting where needed); the inverse of parseCsv, used by tests and exports. */
export function toCsv(rows: readonly (readonly string[])[], delimiter: "," | ";" = ","): string {
  const quote = (v: string): string => (/[",;\r\n]/.test(v) || v === "" ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join("\r\n");
}
