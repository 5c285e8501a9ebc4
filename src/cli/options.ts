/** Option parsers for commander that reject bad values with a message naming the option. */
import * as capacity from "../core/capacity";
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

/**
 * Days as a count ("25") or dated periods ("2027-08-02:2027-08-20,2027-12-24:2027-12-31", both ends
 * inclusive; French dates and "du … au …" read too): the core's one reader of dated periods.
 */
export function daysOption(name: string): (value: string) => number | capacity.DatedPeriod[] {
  const asNumber = numberOption(name);
  return (value) => {
    if (/^\s*[\d.,]+\s*$/.test(value) && !/\d+[/-]\d+[/-]\d+/.test(value)) return asNumber(value);
    try {
      return capacity.parseDatedPeriods(value, name);
    } catch (error: unknown) {
      throw new CliError(error instanceof Error ? error.message : String(error));
    }
  };
}
