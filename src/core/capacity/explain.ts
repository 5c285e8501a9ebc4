/** The capacity explanation, line by line, in French and English. */
import type { PublicHoliday } from "../calendar";
import type { ExplanationLine, ExplanationOp, ExplanationUnit } from "./types";

export function line(
  key: string,
  labelFr: string,
  labelEn: string,
  value: number,
  unit: ExplanationUnit,
  op: ExplanationOp,
): ExplanationLine {
  return { key, labelFr, labelEn, value, unit, op };
}

const dayMonth = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

/** "Nouvel An (01/01), Lundi de Pâques (06/04)" — or a dash when there is none. */
function list(holidays: readonly PublicHoliday[], english: boolean): string {
  if (holidays.length === 0) return "—";
  return holidays.map((h) => `${english ? h.nameEn : h.name} (${dayMonth(h.date)})`).join(", ");
}

export function holidayLine(holidays: readonly PublicHoliday[]): ExplanationLine {
  const weekday = holidays.filter((h) => !h.weekend);
  const weekend = holidays.filter((h) => h.weekend);
  const weekendFr = weekend.length ? ` ; tombent un week-end : ${list(weekend, false)}` : "";
  const weekendEn = weekend.length ? `; on a weekend: ${list(weekend, true)}` : "";
  return line(
    "publicHolidays",
    `Jours fériés en semaine : ${list(weekday, false)}${weekendFr}`,
    `Public holidays on weekdays: ${list(weekday, true)}${weekendEn}`,
    weekday.length,
    "days",
    "minus",
  );
}

const REASONS: Readonly<Partial<Record<string, readonly [string, string]>>> = {
  admin: ["administratif", "admin"],
  training: ["formation", "training"],
  meetings: ["réunions", "meetings"],
};

export function nonFieldLines(breakdown: ReadonlyMap<string, number>, total: number): ExplanationLine[] {
  const lines = [line("nonFieldDays", "Jours hors terrain", "Non-field days", total, "days", "minus")];
  for (const [reason, days] of breakdown) {
    const [fr, en] = REASONS[reason] ?? [reason, reason];
    lines.push(line(`nonFieldDays.${reason}`, `  dont ${fr}`, `  of which ${en}`, days, "days", "info"));
  }
  return lines;
}
