/**
 * functions.json as the build generates it from the JSDoc of src/functions/functions.ts: every
 * function listed with the expected names, parameter types, dimensionality, optional and repeating
 * parameters; and the French metadata complete.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  declaredCustomFunctions,
  validateFunctionsMetadata,
  type FunctionsMetadata,
} from "../../scripts/functions-metadata";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's CommonJS helper
const { localizeMetadata } = require("../../scripts/localize-functions.js") as {
  localizeMetadata: (metadata: FunctionsMetadata, dictionary: unknown) => FunctionsMetadata;
};

const root = path.resolve(__dirname, "../..");
const source = path.join(root, "src/functions/functions.ts");
const french: unknown = JSON.parse(readFileSync(path.join(root, "src/functions/functions.fr.json"), "utf8"));

/** name:type, "[]" for a range, "?" optional, "..." repeating. */
const EXPECTED: Record<string, { params: string; result: "matrix" | "scalar"; fr: string }> = {
  SHARE: { params: "salesN:any[], potential:any[]", result: "matrix", fr: "PART" },
  TREND: { params: "salesN:any[], salesN1:any[]", result: "matrix", fr: "TENDANCE" },
  ABC: { params: "measure:any[], which:any?, ids:any[]?, a:any?, b:any?", result: "matrix", fr: "ABC" },
  SEGMENT: {
    params: "salesN:any[], salesN1:any[], potential:any[], which:any?, ids:any[]?, language:string?",
    result: "matrix",
    fr: "SEGMENT",
  },
  NORM: { params: "segment:any[], channel:string?, norms:any[]?", result: "matrix", fr: "NORME" },
  WEIGHTED: { params: "channels:any[], counts:any[]...", result: "matrix", fr: "PONDERE" },
  WORKDAYS: {
    params: "start:any[], end:any[], country:string?, region:string?, daysOff:any[]?",
    result: "matrix",
    fr: "JOURSOUVRES",
  },
  CAPACITY: {
    params:
      "start:any, end:any, contactsPerDay:any, leaveDays:any?, nonFieldDays:any?, channel:string?, prospectingShare:any?, country:string?, region:string?, explain:string?, remoteShare:any?",
    result: "matrix",
    fr: "CAPACITE",
  },
  ALLOCATE: {
    params:
      "segments:any[], capacity:any, which:any?, ids:any[]?, potential:any[]?, min:any[]?, max:any[]?, method:string?, channel:string?, norms:any[]?, salesN:any[]?",
    result: "matrix",
    fr: "REPARTIR",
  },
  RESPONSE: {
    params: "effort:any[], reference:any[], noContact:any?, saturation:any?, shape:any?, segment:string?",
    result: "matrix",
    fr: "REPONSE",
  },
  PACE: {
    params:
      "actual:any[], planned:any[], asOf:any, start:any?, end:any?, country:string?, region:string?, daysOff:any[]?",
    result: "matrix",
    fr: "RYTHME",
  },
  STATUS: {
    params:
      "actual:any[], planned:any[], asOf:any, tolerance:any?, language:string?, start:any?, end:any?, country:string?, region:string?, daysOff:any[]?",
    result: "matrix",
    fr: "STATUT",
  },
  REACH: { params: "actual:any[], planned:any[]", result: "scalar", fr: "TAUXCONTACT" },
  COVERAGE: {
    params:
      "actual:any[], planned:any[], asOf:any, tolerance:any?, start:any?, end:any?, country:string?, region:string?",
    result: "scalar",
    fr: "COUVERTURE",
  },
  CONCENTRATION: {
    params: "salesN:any[], potential:any[], effort:any[], measure:string?",
    result: "scalar",
    fr: "CONCENTRATION",
  },
  OVERDUE: { params: "lastContact:any[], plannedVisits:any[], asOf:any", result: "matrix", fr: "ARELANCER" },
  DISTANCE: { params: "postalCode1:any[], postalCode2:any[]", result: "matrix", fr: "DISTANCE" },
  CATCHUP: {
    params:
      "planned:any[], actual:any[], asOf:any, end:any?, country:string?, region:string?, daysOff:any[]?",
    result: "matrix",
    fr: "RATTRAPAGE",
  },
  REMAINING: {
    params:
      "planned:any[], actual:any[], asOf:any, capacity:any?, which:any?, ids:any[]?, end:any?, country:string?, region:string?, daysOff:any[]?",
    result: "matrix",
    fr: "RESTEAFAIRE",
  },
};

let metadata: FunctionsMetadata;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([source], true);
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson) as FunctionsMetadata;
}, 60000);

const signature = (fn: FunctionsMetadata["functions"][number]): string =>
  fn.parameters
    .map(
      (p) =>
        `${p.name}:${p.type ?? "any"}${p.dimensionality === "matrix" ? "[]" : ""}${p.optional === true ? "?" : ""}${p.repeating === true ? "..." : ""}`,
    )
    .join(", ");

test("the generated metadata is valid and lists exactly the functions declared in the source", () => {
  expect(validateFunctionsMetadata(metadata)).toEqual([]);
  const declared = declaredCustomFunctions(readFileSync(source, "utf8")).map((d) => d.id);
  expect(metadata.functions.map((f) => f.id).sort()).toEqual([...declared].sort());
  expect([...declared].sort()).toEqual(Object.keys(EXPECTED).sort());
});

test.each(Object.entries(EXPECTED))("%s has the expected parameters and result", (id, expected) => {
  const fn = metadata.functions.find((f) => f.id === id);
  expect(fn).toBeDefined();
  if (fn === undefined) return;
  expect(fn.name).toBe(id);
  expect(signature(fn)).toBe(expected.params);
  expect(fn.result?.dimensionality ?? "scalar").toBe(expected.result);
  expect(fn.description?.length ?? 0).toBeGreaterThan(20);
  for (const p of fn.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(5);
});

test("the whole-column functions a table calls per row ask Excel for their ranges' addresses", () => {
  const asking = metadata.functions
    .filter((f) => f.options?.requiresParameterAddresses)
    .map((f) => f.id)
    .sort();
  expect(asking).toEqual(["ABC", "ALLOCATE", "SEGMENT"]);
  // The invocation is Excel's, not a parameter the user types.
  for (const f of metadata.functions) expect(f.parameters.map((p) => p.name)).not.toContain("invocation");
});

test("the French metadata is complete, valid, with French names and help for every parameter", () => {
  const fr = localizeMetadata(metadata, french);
  expect(validateFunctionsMetadata(fr)).toEqual([]);
  for (const fn of fr.functions) {
    expect(fn.name).toBe(new Map(Object.entries(EXPECTED)).get(fn.id)?.fr);
    const en = metadata.functions.find((f) => f.id === fn.id)!;
    // Same parameters in the same places (Excel binds them by position), with French names and help.
    expect(fn.parameters.map((p) => [p.type, p.dimensionality, p.optional, p.repeating])).toEqual(
      en.parameters.map((p) => [p.type, p.dimensionality, p.optional, p.repeating]),
    );
    fn.parameters.forEach((p, i) => {
      expect(p.name).toMatch(/^\p{L}[\p{L}\p{N}]*$/u);
      expect(p.description).not.toBe(en.parameters[i]?.description);
    });
    expect(new Set(fn.parameters.map((p) => p.name)).size).toBe(fn.parameters.length);
  }
  const names = (id: string): string[] =>
    fr.functions.find((f) => f.id === id)?.parameters.map((p) => p.name) ?? [];
  expect(names("PACE")).toEqual([
    "réalisé",
    "prévu",
    "date",
    "début",
    "fin",
    "pays",
    "région",
    "joursChômés",
  ]);
  expect(names("SHARE")).toEqual(["caN", "potentiel"]);
});

test("a parameter without a French name fails the localisation", () => {
  const dictionary = JSON.parse(JSON.stringify(french)) as { parameterNames: Record<string, string> };
  delete dictionary.parameterNames.plannedVisits;
  expect(() => localizeMetadata(metadata, dictionary)).toThrow(/parameter name plannedVisits \(OVERDUE\)/);
  dictionary.parameterNames.plannedVisits = "visites prévues";
  expect(() => localizeMetadata(metadata, dictionary)).toThrow(/parameter name plannedVisits/);
});

test("a missing French translation fails the localisation", () => {
  const dictionary = JSON.parse(JSON.stringify(french)) as {
    functions: Partial<Record<string, { parameters: Record<string, string> }>>;
  };
  delete dictionary.functions.ALLOCATE?.parameters.which;
  expect(() => localizeMetadata(metadata, dictionary)).toThrow(/ALLOCATE\.which/);
});
