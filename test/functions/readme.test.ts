/**
 * Every example of src/functions/README.md names only what the workbook Cadence creates has: its
 * tables and their columns in that workbook's language (the core's schema), its named ranges (the
 * settings), Cadence functions under their English or French names with no more arguments than they
 * take, and French Excel's separators (";" between arguments, "," only as the decimal mark).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as schema from "../../src/core/workbook/schema";

type Lang = "en" | "fr";
const ROOT = join(__dirname, "../..");
const README = readFileSync(join(ROOT, "src/functions/README.md"), "utf8");
const FR = (
  JSON.parse(readFileSync(join(ROOT, "src/functions/functions.fr.json"), "utf8")) as {
    functions: Record<string, { name: string }>;
  }
).functions;

/** English name → [required, total] parameters, from the JSDoc the metadata is generated from. */
function parameters(): Map<string, [number, number]> {
  const source = readFileSync(join(ROOT, "src/functions/functions.ts"), "utf8");
  const out = new Map<string, [number, number]>();
  for (const block of source.split("@customfunction ").slice(1)) {
    const name = block.split(/\s/)[0] ?? "";
    const params = [...(block.split("*/")[0] ?? "").matchAll(/@param (\[?)(\w+)/g)].filter(
      (m) => m[2] !== "invocation",
    );
    out.set(name, [params.filter((m) => m[1] === "").length, params.length]);
  }
  return out;
}
const PARAMS = parameters();
const NAME_OF: Record<Lang, Map<string, string>> = {
  en: new Map([...PARAMS.keys()].map((n) => [n, n])),
  fr: new Map(Object.entries(FR).map(([en, f]) => [f.name, en])),
};
const BUILTINS: Record<Lang, Set<string>> = {
  en: new Set(["TODAY", "TRANSPOSE"]),
  fr: new Set(["AUJOURDHUI", "TRANSPOSE"]),
};
const SPECIAL: Record<Lang, Set<string>> = {
  en: new Set(["#All", "#Headers", "#Data", "#Totals"]),
  fr: new Set(["#Tout", "#En-têtes", "#Données", "#Totaux"]),
};

function examples(): { lang: Lang; formula: string }[] {
  const out: { lang: Lang; formula: string }[] = [];
  for (const line of README.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const en = /^`(=.*)`$/.exec(cells[2] ?? "");
    const fr = /^`(=.*)`$/.exec(cells[3] ?? "");
    if (en?.[1] !== undefined) out.push({ lang: "en", formula: en[1] });
    if (fr?.[1] !== undefined) out.push({ lang: "fr", formula: fr[1] });
  }
  return out;
}

/** What an example names that the workbook (in `lang`) does not have, or uses wrongly. */
function problems(formula: string, lang: Lang): string[] {
  const found: string[] = [];
  const columns = (table: string): string[] =>
    schema.TABLES.find((t) => t.name === table)?.columns.map((c) => schema.header(c, lang)) ?? [];
  const sep = lang === "fr" ? ";" : ",";
  // Blank out strings, then read structured references (balanced brackets) left to right.
  let text = formula.slice(1).replace(/"(?:[^"]|"")*"/g, (s) => " ".repeat(s.length));
  const refs = /([A-Za-z_][\w.]*)?\[/g;
  let match: RegExpExecArray | null;
  const spans: [number, number][] = [];
  while ((match = refs.exec(text)) !== null) {
    const named = match[1] as string | undefined;
    let depth = 0;
    let end = match.index + (named?.length ?? 0);
    for (; end < text.length; end++) {
      if (text[end] === "[") depth++;
      if (text[end] === "]" && --depth === 0) break;
    }
    const table = named ?? "Clients";
    const inner = text.slice(match.index + (named?.length ?? 0) + 1, end).replace(/^@/, "");
    const names = inner.includes("[") ? [...inner.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]) : [inner];
    if (!schema.TABLES.some((t) => t.name === table)) found.push(`no table ${table}`);
    for (const name of names) {
      if (name.startsWith("#")) {
        if (!SPECIAL[lang].has(name)) found.push(`no special item ${name} in ${lang}`);
      } else if (!columns(table).includes(name)) found.push(`no column ${table}[${name}] in ${lang}`);
    }
    spans.push([match.index, end + 1]);
    refs.lastIndex = end + 1;
  }
  for (const [a, b] of spans.reverse()) text = text.slice(0, a) + " ".repeat(b - a) + text.slice(b);
  // Functions, with their argument counts.
  for (const call of text.matchAll(/(CADENCE\.)?([A-Z][A-Z0-9.]*)\(/g)) {
    const name = call[2];
    if ((call[1] as string | undefined) === undefined) {
      if (!BUILTINS[lang].has(name)) found.push(`unknown Excel function ${name} in ${lang}`);
      continue;
    }
    const en = NAME_OF[lang].get(name);
    const counts = en === undefined ? undefined : PARAMS.get(en);
    if (counts === undefined) {
      found.push(`no function CADENCE.${name} in ${lang}`);
      continue;
    }
    let depth = 0;
    let args = 1;
    for (let i = call.index + call[0].length; i < text.length; i++) {
      const ch = text[i];
      if (ch === "(") depth++;
      else if (ch === ")" && depth-- === 0) break;
      else if (ch === sep && depth === 0) args++;
    }
    if (args > counts[1] || args < counts[0])
      found.push(`CADENCE.${name} takes ${counts[0]}-${counts[1]} arguments, not ${args}`);
  }
  // Names left: the settings' named ranges (or a table).
  const names = text.replace(/[A-Z][A-Z0-9.]*\(/g, "(").match(/[\p{L}_][\p{L}\p{N}_.]*/gu) ?? [];
  for (const name of names) {
    if (!schema.SETTINGS.some((s) => s.name === name) && !schema.TABLES.some((t) => t.name === name))
      found.push(`no name ${name}`);
  }
  // Separators: French Excel takes ";" between arguments and "," only as a decimal mark.
  if (lang === "fr" && /,(?!\d)|(?<!\d),/.test(text)) found.push("',' between arguments in French");
  if (lang === "en" && text.includes(";")) found.push("';' in English");
  return found;
}

describe("the functions README's examples", () => {
  const all = examples();

  it("has an English and a French example for every function", () => {
    expect(all.filter((e) => e.lang === "en")).toHaveLength(PARAMS.size);
    expect(all.filter((e) => e.lang === "fr")).toHaveLength(PARAMS.size);
  });

  it.each(all.map((e) => [e.lang, e.formula] as const))(
    "%s: %s names only what the workbook has",
    (lang, formula) => {
      expect(problems(formula, lang)).toEqual([]);
    },
  );

  it("catches what the workbook does not have", () => {
    expect(problems('=CADENCE.NORM([@Segment], "visit", Normes)', "en")).toEqual(["no name Normes"]);
    expect(problems("=CADENCE.CAPACITY(Début, Fin, 4, 25, 20)", "en")).toEqual([
      "no name Début",
      "no name Fin",
    ]);
    expect(problems("=CADENCE.PACE([@Réalisé], [@Prévu], TODAY())", "fr")).toEqual([
      "no column Clients[Réalisé] in fr",
      "no column Clients[Prévu] in fr",
      "no function CADENCE.PACE in fr",
      "unknown Excel function TODAY in fr",
      "',' between arguments in French",
    ]);
    expect(problems("=CADENCE.CONCENTRATION(Clients[CA N], Clients[Pondéré])", "en")).toEqual([
      "no column Clients[CA N] in en",
      "no column Clients[Pondéré] in en",
      "CADENCE.CONCENTRATION takes 3-4 arguments, not 2",
    ]);
    expect(problems("=CADENCE.SHARE([@[Sales N]], [@Potential], 3)", "en")).toEqual([
      "CADENCE.SHARE takes 2-2 arguments, not 3",
    ]);
    expect(
      problems("=CADENCE.RYTHME([@[Réalisé Visite terrain]];[@[Prévu Visite terrain]];AUJOURDHUI())", "fr"),
    ).toEqual([]);
  });
});
