import type { Command } from "commander";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { writePlanTemplate } from "../xlsx/template";
import { CliError } from "../errors";

export interface TemplateOptions {
  lang: string;
  out?: string;
  /** The plan year (Settings' period); default the current calendar year. */
  year?: string;
}

function readYear(text: string | undefined): number {
  if (text === undefined) return new Date().getFullYear();
  const year = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || year < 1900) {
    throw new CliError(
      `--year must be a year such as 2027, not "${text}" (--year doit être une année, par exemple 2027).`,
    );
  }
  return year;
}

/** `cadence template [--lang fr|en] --out plan.xlsx`: writes an empty plan workbook file. */
export async function runTemplate(opts: TemplateOptions): Promise<string> {
  if (opts.lang !== "fr" && opts.lang !== "en") {
    throw new CliError(`--lang must be fr or en, not "${opts.lang}" (--lang doit valoir fr ou en).`);
  }
  const year = readYear(opts.year);
  if (opts.out === undefined || opts.out.trim() === "") {
    throw new CliError("--out <file.xlsx> is required (--out <fichier.xlsx> est obligatoire).");
  }
  const out = path.resolve(opts.out);
  if (!out.toLowerCase().endsWith(".xlsx")) {
    throw new CliError(
      `--out must name an .xlsx file, not "${opts.out}" (--out doit être un fichier .xlsx).`,
    );
  }
  const dir = path.dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError(`Folder ${dir} does not exist (le dossier ${dir} n'existe pas).`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) {
    throw new CliError(`${out} is a folder (${out} est un dossier).`);
  }
  await writePlanTemplate(out, opts.lang, year);
  return out;
}

export function register(program: Command): void {
  program
    .command("template")
    .description("write an empty plan workbook (.xlsx) to fill without the add-in")
    .option("--lang <lang>", "headers language: fr or en", "fr")
    .option("--out <file>", "the .xlsx file to write")
    .option("--year <yyyy>", "plan year (Settings' period), default this year")
    .action(async (opts: TemplateOptions) => {
      const out = await runTemplate(opts);
      process.stdout.write(`${out}\n`);
    });
}
