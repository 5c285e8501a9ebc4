/**
 * A small formula language for the workbench: numbers, text, booleans, cell and range references
 * (with sheet names), arithmetic, comparison, "&", and common functions. Anything else gives #NAME?,
 * so a workbook never shows a made-up number.
 */
import { parseRect, splitSheet } from "./address";
import type { Rect } from "./address";
import type { Scalar } from "./types";

export type Node =
  | { kind: "value"; value: Scalar }
  | { kind: "ref"; sheet: string | null; rect: Rect; single: boolean }
  | { kind: "unary"; op: string; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "error"; code: string };

const TOKEN =
  /\s*(?:(?<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|(?<str>"(?:[^"]|"")*")|(?<ref>(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(]))|(?<fn>[A-Za-z_][\w.]*)\s*\(|(?<name>[A-Za-z_][\w.]*)|(?<op><=|>=|<>|[-+*/^&=<>%(),;]))/y;

interface Token {
  type: "num" | "str" | "ref" | "fn" | "name" | "op";
  text: string;
}

export class FormulaSyntaxError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(text);
    const groups = match?.groups;
    if (!groups) throw new FormulaSyntaxError(text);
    // Unmatched named groups are undefined at run time, whatever the typings say.
    const entry = Object.entries(groups as Record<string, string | undefined>).find(
      ([, v]) => v !== undefined,
    );
    if (!entry) throw new FormulaSyntaxError(text);
    tokens.push({ type: entry[0] as Token["type"], text: entry[1] ?? "" });
  }
  return tokens;
}

const BINARY: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ""));
  let at = 0;
  const peek = (): Token | undefined => tokens.at(at);
  const take = (): Token => {
    const token = tokens.at(at);
    at++;
    if (!token) throw new FormulaSyntaxError(formula);
    return token;
  };
  const expect = (text: string): void => {
    if (take().text !== text) throw new FormulaSyntaxError(formula);
  };
  const primary = (): Node => {
    const token = take();
    switch (token.type) {
      case "num":
        return { kind: "value", value: Number(token.text) };
      case "str":
        return { kind: "value", value: token.text.slice(1, -1).replace(/""/g, '"') };
      case "ref": {
        const { sheet, local } = splitSheet(token.text);
        return { kind: "ref", sheet, rect: parseRect(local), single: !local.includes(":") };
      }
      case "fn": {
        const args: Node[] = [];
        if (peek()?.text !== ")") {
          for (;;) {
            args.push(expression(0));
            if (peek()?.text === ")") break;
            const sep = take().text;
            if (sep !== "," && sep !== ";") throw new FormulaSyntaxError(formula);
          }
        }
        expect(")");
        return { kind: "call", name: token.text.replace(/\s*\($/, "").toUpperCase(), args };
      }
      case "name": {
        const upper = token.text.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
        return { kind: "error", code: "#NAME?" };
      }
      default:
        if (token.text === "(") {
          const inner = expression(0);
          expect(")");
          return inner;
        }
        if (token.text === "-" || token.text === "+") return { kind: "unary", op: token.text, arg: unary() };
        throw new FormulaSyntaxError(formula);
    }
  };
  const unary = (): Node => {
    let node = primary();
    while (peek()?.text === "%") {
      take();
      node = { kind: "binary", op: "/", left: node, right: { kind: "value", value: 100 } };
    }
    return node;
  };
  const expression = (min: number): Node => {
    let left = unary();
    for (;;) {
      const op = peek();
      const precedence = op && op.type === "op" ? BINARY[op.text] : undefined;
      if (precedence === undefined || precedence < min) break;
      take();
      // "^" is right-associative in Excel's grammar as written here; others are left-associative.
      const right = expression(op?.text === "^" ? precedence : precedence + 1);
      left = { kind: "binary", op: op?.text ?? "", left, right };
    }
    return left;
  };
  const tree = expression(0);
  if (at !== tokens.length) throw new FormulaSyntaxError(formula);
  return tree;
}
