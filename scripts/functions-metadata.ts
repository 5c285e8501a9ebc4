/**
 * The shape Excel expects of custom functions metadata (functions.json), as documented in
 * "Manually create JSON metadata for custom functions", and checks of a generated file against the
 * source: every `@customfunction` in src/functions must be listed, with the same parameters.
 */
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

const ParameterType = Type.Union([
  Type.Literal("any"),
  Type.Literal("boolean"),
  Type.Literal("number"),
  Type.Literal("string"),
]);
const Dimensionality = Type.Union([Type.Literal("scalar"), Type.Literal("matrix")]);

const Parameter = Type.Object({
  name: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
  type: Type.Optional(ParameterType),
  dimensionality: Type.Optional(Dimensionality),
  optional: Type.Optional(Type.Boolean()),
  repeating: Type.Optional(Type.Boolean()),
  cellValueType: Type.Optional(Type.String()),
});

const FunctionMetadata = Type.Object({
  id: Type.String({ pattern: "^[A-Za-z][A-Za-z0-9_.]{2,}$" }),
  // A RegExp, not a pattern string: TypeBox compiles patterns without the u flag, so \p{L} would never match.
  name: Type.RegExp(/^[\p{L}][\p{L}0-9_.]{2,}$/u),
  description: Type.Optional(Type.String()),
  helpUrl: Type.Optional(Type.String()),
  parameters: Type.Array(Parameter),
  result: Type.Optional(
    Type.Object({ type: Type.Optional(ParameterType), dimensionality: Type.Optional(Dimensionality) }),
  ),
  options: Type.Optional(
    Type.Object({
      cancelable: Type.Optional(Type.Boolean()),
      requiresAddress: Type.Optional(Type.Boolean()),
      requiresParameterAddresses: Type.Optional(Type.Boolean()),
      stream: Type.Optional(Type.Boolean()),
      volatile: Type.Optional(Type.Boolean()),
      capturesCallingObject: Type.Optional(Type.Boolean()),
      linkedEntityLoadService: Type.Optional(Type.Boolean()),
    }),
  ),
});

export const FunctionsMetadataSchema = Type.Object({
  allowCustomDataForDataTypeAny: Type.Optional(Type.Boolean()),
  allowErrorForDataTypeAny: Type.Optional(Type.Boolean()),
  functions: Type.Array(FunctionMetadata, { minItems: 1 }),
});
export type FunctionsMetadata = Static<typeof FunctionsMetadataSchema>;

/** Problems of a metadata document: schema violations, duplicate ids or names, parameter rules. */
export function validateFunctionsMetadata(json: unknown): string[] {
  const problems = [...Value.Errors(FunctionsMetadataSchema, json)].map(
    (e) => `${e.path || "/"}: ${e.message}`,
  );
  if (problems.length > 0) return problems;
  const metadata = json as FunctionsMetadata;
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const fn of metadata.functions) {
    if (ids.has(fn.id.toUpperCase())) problems.push(`duplicate id ${fn.id}`);
    if (names.has(fn.name.toUpperCase())) problems.push(`duplicate name ${fn.name}`);
    ids.add(fn.id.toUpperCase());
    names.add(fn.name.toUpperCase());
    let seenOptional = false;
    fn.parameters.forEach((p, i) => {
      if (p.optional === true) seenOptional = true;
      else if (seenOptional && p.repeating !== true)
        problems.push(`${fn.id}: required parameter ${p.name} follows an optional one`);
      if (p.repeating === true && i !== fn.parameters.length - 1)
        problems.push(`${fn.id}: repeating parameter ${p.name} is not last`);
    });
  }
  return problems;
}

/** The ids declared in a functions source file by `@customfunction [ID]` JSDoc tags, with the function names. */
export function declaredCustomFunctions(source: string): { id: string; functionName: string }[] {
  const out: { id: string; functionName: string }[] = [];
  const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export\s+(?:async\s+)?function\s+([A-Za-z0-9_]+)/g;
  for (const match of source.matchAll(re)) {
    const doc = match.at(1) ?? "";
    const functionName = match.at(2) ?? "";
    const tag = /@customfunction(?:[ \t]+([A-Za-z0-9_.]+))?/.exec(doc);
    if (!tag) continue;
    out.push({ id: (tag.at(1) ?? functionName).toUpperCase(), functionName });
  }
  return out;
}
