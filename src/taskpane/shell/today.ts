/** Today's date as ISO yyyy-mm-dd in the rep's own time zone (not UTC: a rep at 00:30 is on "today"). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
