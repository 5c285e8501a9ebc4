/**
 * jsdom lacks TextEncoder (the excel/ gateway sizes requests with it) and structuredClone (the
 * workbench copies values with it); Node's implementations behave the same for plain data.
 */
import { TextDecoder, TextEncoder } from "node:util";
import { deserialize, serialize } from "node:v8";

if (typeof globalThis.TextEncoder === "undefined") {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}
if (typeof globalThis.structuredClone === "undefined") {
  Object.assign(globalThis, { structuredClone: <T>(value: T): T => deserialize(serialize(value)) as T });
}
