/**
 * Range.text: cell values as Excel displays them under common number formats (a useful subset).
 */
import { GENERAL, serialToIso } from "./cells";
import type { Scalar } from "./types";

function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const text = Number(value.toPrecision(10)).toString();
  return text.length > 11 ? value.toExponential(5).toUpperCase() : text;
}

function group(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function isDateFormat(nf: string): boolean {
  const bare = nf.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[yd]/i.test(bare) || /m{3,}/i.test(bare);
}

function formatDate(serial: number, nf: string): string {
  const iso = serialToIso(serial);
  const [y = "", m = "", d = ""] = iso.split("-");
  return nf
    .replace(/yyyy/gi, y)
    .replace(/yy/gi, y.slice(2))
    .replace(/mm/gi, m)
    .replace(/dd/gi, d)
    .replace(/"/g, "");
}

function formatNumber(value: number, nf: string): string {
  const section = nf.split(";")[value < 0 && nf.includes(";") ? 1 : 0] ?? nf;
  const percent = section.includes("%");
  const scaled = percent ? value * 100 : value;
  const decimalsMatch = /\.([0#]+)/.exec(section);
  const decimals = decimalsMatch?.[1]?.length ?? 0;
  const grouped = /[#0],[#0]/.test(section) || /# ##0/.test(section);
  const separator = /# ##0/.test(section) ? "\u202f" : ",";
  const fixed = Math.abs(scaled).toFixed(decimals);
  const [int = "0", frac] = fixed.split(".");
  const digits = (grouped ? group(int, separator) : int) + (frac ? `.${frac}` : "");
  const prefix = /^[^#0]*/.exec(section)?.[0].replace(/"/g, "").replace(/\\/g, "") ?? "";
  const suffix = /[^#0%]*$/.exec(section.replace(/%/g, ""))?.[0].replace(/"/g, "").replace(/\\/g, "") ?? "";
  const sign = value < 0 && !nf.includes(";") ? "-" : "";
  return `${sign}${prefix.replace(/[\s,]*$/, "")}${digits}${percent ? "%" : ""}${suffix}`;
}

export function displayText(value: Scalar, nf: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (nf === GENERAL || nf === "" || nf === "@") return general(value);
  if (isDateFormat(nf)) return formatDate(value, nf);
  return formatNumber(value, nf);
}
