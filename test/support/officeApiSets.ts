/**
 * The requirement set of every member of the Excel JavaScript API, read from Microsoft's own type
 * declarations (@types/office-js: each member's "[Api set: …]" remark; a member without one has its
 * class's set). The workbench's table (src/workbench/api/requirementSets.ts) is checked against it.
 */
import { readFileSync } from "node:fs";

const SET = /\[Api set: (\w+) (\d+\.\d+)/;
const CLASS = /^ {4}class (\w+) extends OfficeExtension\.ClientObject \{/;
const MEMBER = /^ {8}(?:readonly )?(?:get |set )?([A-Za-z]\w*)\??[(:<]/;

/** "Class.member" → "ExcelApi 1.2" (first declaration wins: overloads share one set). */
export function officeApiSets(path = require.resolve("@types/office-js/index.d.ts")): Map<string, string> {
  const lines = readFileSync(path, "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("declare namespace Excel {"));
  const out = new Map<string, string>();
  let comment: string[] = [];
  let inComment = false;
  let current: { name: string; set: string } | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("}")) break;
    const trimmed = line.trim();
    if (trimmed.startsWith("/**")) {
      inComment = true;
      comment = [];
    }
    if (inComment) {
      comment.push(trimmed);
      if (trimmed.endsWith("*/")) inComment = false;
      continue;
    }
    const found = comment.join(" ").match(SET);
    const cls = line.match(CLASS);
    if (cls?.[1] !== undefined) {
      current = { name: cls[1], set: found ? `${found[1]} ${found[2]}` : "ExcelApi 1.1" };
      comment = [];
      continue;
    }
    if (/^ {4}\S/.test(line)) current = null;
    const member = current ? line.match(MEMBER) : null;
    if (current && member?.[1] !== undefined) {
      const key = `${current.name}.${member[1]}`;
      if (!out.has(key)) out.set(key, found ? `${found[1]} ${found[2]}` : current.set);
    }
    comment = [];
  }
  return out;
}
