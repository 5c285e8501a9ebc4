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
