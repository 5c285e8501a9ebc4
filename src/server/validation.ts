/**
 * Request validation with TypeBox's compiler. Bodies are checked as sent (no coercion, no removal
 * of unknown fields: additionalProperties false is a 400); query strings and params are converted
 * from text first.
 */
import type { TSchema } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { Value } from "@sinclair/typebox/value";
import type { FastifySchemaCompiler } from "fastify";

export interface ValidationIssue {
  path: string;
  message: string;
}

export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly issues: ValidationIssue[],
  ) {
    super(
      `Invalid ${part}: ${issues
        .slice(0, 3)
        .map((i) => `${i.path || "/"} ${i.message}`)
        .join("; ")}`,
    );
    this.name = "RequestValidationError";
  }
}

const INTEGER_TEXT = /^-?(0|[1-9]\d*)$/;
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Text → number for the integer and number properties of a query string, strictly: "1.5" or "1e3"
 * is not an integer and 99999999999999999999 is not a safe one, so they stay text and fail the
 * check (TypeBox's own conversion would read "1.5" as 1).
 */
function convertText(schema: TSchema, input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const properties: Partial<Record<string, { type?: unknown }>> =
    (schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {};
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [name, value] of Object.entries(out)) {
    const type = properties[name]?.type;
    if (typeof value !== "string") continue;
    if (type === "integer" && INTEGER_TEXT.test(value) && Number.isSafeInteger(Number(value)))
      out[name] = Number(value);
    else if (type === "number" && NUMBER_TEXT.test(value) && Number.isFinite(Number(value)))
      out[name] = Number(value);
    else if (type === "boolean" && (value === "true" || value === "false")) out[name] = value === "true";
  }
  return out;
}

export const typeboxCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  const convert = httpPart === "querystring" || httpPart === "params" || httpPart === "headers";
  return (input: unknown) => {
    const value = convert ? convertText(schema, Value.Default(schema, Value.Clone(input))) : input;
    if (check.Check(value)) return { value };
    const issues = [...check.Errors(value)].slice(0, 10).map((e) => ({ path: e.path, message: e.message }));
    return { error: new RequestValidationError(httpPart ?? "request", issues) };
  };
};
