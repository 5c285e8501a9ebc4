/**
 * What every JSON body must be before any route reads it: nested at most BODY_MAX_DEPTH levels (a
 * deeper one would overflow the stack of whatever walks it later), its numbers finite (1e400 parses
 * as Infinity), its text valid Unicode (a lone surrogate would be stored as U+FFFD). Walked without
 * recursion; the first fault is reported with its JSON pointer.
 */
import { isWellFormedText } from "../contract";
import type { ValidationIssue } from "./validation";

export const BODY_MAX_DEPTH = 64;

export function bodyFault(body: unknown): ValidationIssue | null {
  const stack: [unknown, string, number][] = [[body, "", 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return { path, message: "number out of range" };
    } else if (typeof value === "string") {
      if (!isWellFormedText(value))
        return { path, message: "text is not valid Unicode (a lone surrogate) / texte Unicode invalide" };
    } else if (value !== null && typeof value === "object") {
      if (depth >= BODY_MAX_DEPTH)
        return { path, message: `nested deeper than ${BODY_MAX_DEPTH} levels / imbrication trop profonde` };
      for (const [key, item] of Object.entries(value)) {
        const at = `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
        if (!isWellFormedText(key))
          return { path: at, message: "key is not valid Unicode (a lone surrogate)" };
        stack.push([item, at, depth + 1]);
      }
    }
  }
  return null;
}
