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

export const typeboxCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  const convert = httpPart === "querystring" || httpPart === "params" || httpPart === "headers";
  return (input: unknown) => {
    const value = convert ? Value.Convert(schema, Value.Default(schema, Value.Clone(input))) : input;
    if (check.Check(value)) return { value };
    const issues = [...check.Errors(value)].slice(0, 10).map((e) => ({ path: e.path, message: e.message }));
    return { error: new RequestValidationError(httpPart ?? "request", issues) };
  };
};
