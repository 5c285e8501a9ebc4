/**
 * Evaluates the workbench's formulas and recalculates the workbook: referenced formula cells are
 * computed first (on demand), circular references read 0, errors are Excel's error values.
 */
import { parseFormula } from "./formula";
import type { Node } from "./formula";
import { getCell } from "./cells";
import type { Scalar, SheetModel, WorkbookModel } from "./types";
import { findSheet } from "./workbook";

class CellError {
  constructor(readonly code: string) {}
}
type Value = Scalar | CellError;
type Arg = Value | Value[][];

const NA = new CellError("#N/A");
const VALUE = new CellError("#VALUE!");
const DIV0 = new CellError("#DIV/0!");
const NAME = new CellError("#NAME?");
const REF = new CellError("#REF!");

type Reader = (sheet: SheetModel, r: number, c: number) => Value;

function toNumber(v: Value): number | CellError {
  if (v instanceof CellError) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v.trim() === "") return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : VALUE;
}

const scalar = (a: Arg): Value => (Array.isArray(a) ? (a.at(0)?.at(0) ?? "") : a);
const flat = (args: Arg[]): Value[] => args.flatMap((a) => (Array.isArray(a) ? a.flat() : [a]));

/** Numbers of ranges (text and blanks skipped) and of direct arguments (coerced). */
function numbers(args: Arg[]): number[] | CellError {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const v of a.flat()) {
        if (v instanceof CellError) return v;
        if (typeof v === "number") out.push(v);
      }
    } else {
      const n = toNumber(a);
      if (n instanceof CellError) return n;
      out.push(n);
    }
  }
  return out;
}

function truthy(v: Value): boolean | CellError {
  const n = toNumber(v);
  return n instanceof CellError ? n : n !== 0;
}

/** "criteria" of SUMIF / COUNTIF: ">=10", "<>x", "text", 5. */
function matches(value: Value, criteria: Value): boolean {
  if (value instanceof CellError || criteria instanceof CellError) return false;
  const text = String(criteria);
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(text);
  const op = m?.[1] ?? "=";
  const target: Scalar =
    typeof criteria === "string" && m?.[2] !== undefined && m[2] !== "" && Number.isFinite(Number(m[2]))
      ? Number(m[2])
      : (m?.[2] ?? text);
  const wanted = typeof criteria === "number" ? criteria : target;
  // Numeric criteria only match numbers ("<>" counts everything else as different).
  if (typeof wanted === "number" && typeof value !== "number") return op === "<>";
  return compare(op, value, wanted);
}

function rank(v: Scalar): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

function compare(op: string, a: Scalar, b: Scalar): boolean {
  let diff: number;
  if (rank(a) !== rank(b)) diff = rank(a) - rank(b);
  else if (typeof a === "string" && typeof b === "string")
    diff = a.toLowerCase().localeCompare(b.toLowerCase());
  else diff = Number(a) - Number(b);
  switch (op) {
    case "=":
      return diff === 0;
    case "<>":
      return diff !== 0;
    case "<":
      return diff < 0;
    case ">":
      return diff > 0;
    case "<=":
      return diff <= 0;
    default:
      return diff >= 0;
  }
}

function sum(list: number[]): number {
  return list.reduce((s, n) => s + n, 0);
}

/** The i-th argument as one value (a range gives its first cell), or the fallback when absent. */
const at = (args: Arg[], i: number, fallback: Value): Value => scalar(args.at(i) ?? fallback);
const text = (v: Value): string => (v instanceof CellError ? v.code : String(v));

function numeric(args: Arg[], i: number, fallback: number): number | CellError {
  return toNumber(at(args, i, fallback));
}

const FUNCTIONS: Record<string, (args: Arg[]) => Value> = {
  SUM: (args) => {
    const n = numbers(args);
    return n instanceof CellError ? n : sum(n);
  },
  AVERAGE: (args) => {
    const n = numbers(args);
    return n instanceof CellError ? n : n.length === 0 ? DIV0 : sum(n) / n.length;
  },
  MIN: (args) => {
    const n = numbers(args);
    return n instanceof CellError ? n : n.length === 0 ? 0 : Math.min(...n);
  },
  MAX: (args) => {
    const n = numbers(args);
    return n instanceof CellError ? n : n.length === 0 ? 0 : Math.max(...n);
  },
  COUNT: (args) => flat(args).filter((v) => typeof v === "number").length,
  COUNTA: (args) => flat(args).filter((v) => v !== "").length,
  COUNTBLANK: (args) => flat(args).filter((v) => v === "").length,
  COUNTIF: (args) => {
    const range = args.at(0);
    const criteria = at(args, 1, "");
    return Array.isArray(range) ? range.flat().filter((v) => matches(v, criteria)).length : VALUE;
  },
  SUMIF: (args) => {
    const range = args.at(0);
    const criteria = at(args, 1, "");
    const sumRange = args.at(2);
    if (!Array.isArray(range)) return VALUE;
    const values = Array.isArray(sumRange) ? sumRange : range;
    let total = 0;
    range.forEach((row, i) => {
      row.forEach((v, j) => {
        const add = values[i]?.[j];
        if (matches(v, criteria) && typeof add === "number") total += add;
      });
    });
    return total;
  },
  IF: (args) => {
    const t = truthy(at(args, 0, false));
    return t instanceof CellError ? t : t ? at(args, 1, true) : at(args, 2, false);
  },
  IFERROR: (args) => {
    const v = at(args, 0, "");
    return v instanceof CellError ? at(args, 1, "") : v;
  },
  AND: (args) => flat(args).every((v) => truthy(v) === true),
  OR: (args) => flat(args).some((v) => truthy(v) === true),
  NOT: (args) => {
    const t = truthy(at(args, 0, false));
    return t instanceof CellError ? t : !t;
  },
  ROUND: (args) => {
    const n = numeric(args, 0, 0);
    const d = numeric(args, 1, 0);
    if (n instanceof CellError) return n;
    if (d instanceof CellError) return d;
    const f = 10 ** d;
    return Math.round(n * f) / f;
  },
  ABS: (args) => {
    const n = numeric(args, 0, 0);
    return n instanceof CellError ? n : Math.abs(n);
  },
  CONCAT: (args) => flat(args).map(text).join(""),
  CONCATENATE: (args) => flat(args).map(text).join(""),
  LEN: (args) => text(at(args, 0, "")).length,
  UPPER: (args) => text(at(args, 0, "")).toUpperCase(),
  LOWER: (args) => text(at(args, 0, "")).toLowerCase(),
  NA: () => NA,
};

function arithmetic(op: string, a: number, b: number): Value {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? DIV0 : a / b;
    default:
      return a ** b;
  }
}

function evaluate(node: Node, model: WorkbookModel, sheet: SheetModel, read: Reader): Arg {
  switch (node.kind) {
    case "value":
      return node.value;
    case "error":
      return new CellError(node.code);
    case "ref": {
      const target = node.sheet === null ? sheet : findSheet(model, node.sheet);
      if (!target) return REF;
      const { rect } = node;
      if (node.single) return read(target, rect.r0, rect.c0);
      const out: Value[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const line: Value[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) line.push(read(target, r, c));
        out.push(line);
      }
      return out;
    }
    case "unary": {
      const n = toNumber(scalar(evaluate(node.arg, model, sheet, read)));
      return n instanceof CellError ? n : node.op === "-" ? -n : n;
    }
    case "binary": {
      const a = scalar(evaluate(node.left, model, sheet, read));
      const b = scalar(evaluate(node.right, model, sheet, read));
      if (a instanceof CellError) return a;
      if (b instanceof CellError) return b;
      if (node.op === "&") return `${text(a)}${text(b)}`;
      if (["=", "<>", "<", ">", "<=", ">="].includes(node.op)) return compare(node.op, a, b);
      const x = toNumber(a);
      const y = toNumber(b);
      if (x instanceof CellError) return x;
      if (y instanceof CellError) return y;
      return arithmetic(node.op, x, y);
    }
    case "call": {
      const fn = Object.hasOwn(FUNCTIONS, node.name) ? FUNCTIONS[node.name] : undefined;
      if (fn === undefined) return NAME;
      return fn(node.args.map((arg) => evaluate(arg, model, sheet, read)));
    }
  }
}

const parsed = new Map<string, Node | null>();

function tree(formula: string): Node | null {
  if (!parsed.has(formula)) {
    let node: Node | null;
    try {
      node = parseFormula(formula);
    } catch {
      node = null;
    }
    parsed.set(formula, node);
  }
  return parsed.get(formula) ?? null;
}

const shown = (v: Value): Scalar =>
  v instanceof CellError ? v.code : typeof v === "number" && !Number.isFinite(v) ? "#NUM!" : v;

/** Recomputes every formula of the workbook (unless calculation is manual), referenced cells first. */
export function recalculate(model: WorkbookModel, force = false): void {
  if (!model.sheets.some((s) => s.dirty === true) && !force) return;
  if (model.calculationMode === "Manual" && !force) return;
  const state = new Map<string, "busy" | "done">();
  const read: Reader = (sheet, r, c) => {
    const cell = getCell(sheet, r, c);
    if (!cell) return "";
    if (cell.f === undefined) return cell.v;
    const key = `${sheet.id}!${r},${c}`;
    const seen = state.get(key);
    if (seen === "done") return cell.v;
    if (seen === "busy") return 0;
    state.set(key, "busy");
    const node = tree(cell.f);
    cell.v = node ? shown(scalar(evaluate(node, model, sheet, read))) : "#NAME?";
    state.set(key, "done");
    return cell.v;
  };
  for (const sheet of model.sheets) {
    sheet.dirty = false;
    if (sheet.hasFormulas !== true) continue;
    sheet.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell?.f !== undefined) read(sheet, r, c);
      });
    });
  }
}
