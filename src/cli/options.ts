/** Option parsers for commander that reject bad values with a message naming the option. */
import { CliError } from "./errors";

export function numberOption(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value.replace(",", "."));
    if (value.trim() === "" || !Number.isFinite(n))
      throw new CliError(`${name} must be a number, not '${value}'`);
    if (n < 0) throw new CliError(`${name} cannot be negative (${value})`);
    return n;
  };
}

export function intOption(name: string): (value: string) => number {
  const asNumber = numberOption(name);
  return (value) => {
    const n = asNumber(value);
    if (!Number.isInteger(n)) throw new CliError(`${name} must be a whole number, not '${value}'`);
    return n;
  };
}

/** Days as a count ("25") or dated periods ("2027-08-02:2027-08-20,2027-12-24:2027-12-31"), both ends inclusive. */
export function daysOption(name: string): (value: string) => number | { start: string; end: string }[] {
  const asNumber = numberOption(name);
  return (value) => {
    if (!value.includes(":")) return asNumber(value);
    return value.split(",").map((part) => {
      const [start = "", end = ""] = part.trim().split(":");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end))
        throw new CliError(`${name}: '${part}' is not a period YYYY-MM-DD:YYYY-MM-DD`);
      if (end < start) throw new CliError(`${name}: '${part}' ends before it starts`);
      return { start, end };
    });
  };
}
