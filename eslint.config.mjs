// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const LAYERS = ["core", "functions", "excel", "taskpane", "sync", "contract", "server", "cli", "workbench"];
const NODE_BUILTINS = [
  "node:*",
  "fs",
  "fs/*",
  "path",
  "os",
  "crypto",
  "http",
  "https",
  "net",
  "child_process",
  "url",
  "util",
  "stream",
  "events",
  "buffer",
  "worker_threads",
  "zlib",
  "readline",
  "process",
  "assert",
];
const UI = ["react", "react-dom", "react-dom/*", "react/*", "@fluentui/*", "@microsoft/*", "office-*"];
const SERVER_LIBS = [
  "fastify",
  "@fastify/*",
  "kysely",
  "better-sqlite3",
  "pg",
  "pino",
  "jose",
  "exceljs",
  "commander",
];

/** Forbid imports of every layer except `allowed` (relative paths into another src/ folder). */
function layerPatterns(layer, allowed) {
  return LAYERS.filter((l) => l !== layer && !allowed.includes(l)).map((l) => ({
    group: [`**/${l}`, `**/${l}/*`, `**/${l}/**`],
    message: `The ${layer}/ layer may not import ${l}/ (see architecture.md, Layers).`,
  }));
}
function boundary(layer, allowed, extraPackages = [], extra = {}) {
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...layerPatterns(layer, allowed),
            ...(extraPackages.length
              ? [
                  {
                    group: extraPackages,
                    message: `The ${layer}/ layer may not use this package (architecture.md).`,
                  },
                ]
              : []),
          ],
        },
      ],
      ...extra,
    },
  };
}
const HOST_GLOBALS = [
  "window",
  "document",
  "navigator",
  "Office",
  "Excel",
  "OfficeRuntime",
  "CustomFunctions",
  "process",
  "Buffer",
  "require",
].map((name) => ({ name, message: "The core is pure: no host, DOM or Node globals." }));

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test-results/**",
      // Mutation testing's sandboxes and reports (npm run mutation).
      ".stryker-tmp/**",
      "reports/**",
      "**/*.js",
      "**/*.cjs",
      "**/*.mjs",
      "bin/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": [
        "error",
        { "ts-ignore": "allow-with-description", minimumDescriptionLength: 5 },
      ],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["src/excel/**/*.ts", "src/workbench/**/*.ts"],
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  boundary("core", [], [...UI, ...NODE_BUILTINS, ...SERVER_LIBS], {
    "no-restricted-globals": ["error", ...HOST_GLOBALS],
  }),
  boundary("functions", ["core"], [...UI, ...NODE_BUILTINS, ...SERVER_LIBS]),
  boundary("excel", ["core"], [...UI, ...NODE_BUILTINS, ...SERVER_LIBS]),
  boundary("taskpane", ["core", "excel", "sync", "contract"], [...NODE_BUILTINS, ...SERVER_LIBS], {
    "no-restricted-globals": [
      "error",
      {
        name: "Excel",
        message: "The task pane never calls Excel.* itself: it is handed the excel/ gateway.",
      },
    ],
    "no-restricted-syntax": [
      "error",
      {
        selector: "MemberExpression[object.name='Excel']",
        message: "The task pane never calls Excel.* itself: use the gateway.",
      },
    ],
  }),
  boundary("sync", ["core", "contract"], [...UI, ...NODE_BUILTINS, ...SERVER_LIBS]),
  boundary("contract", [], [...UI, ...NODE_BUILTINS, "fastify", "kysely", "better-sqlite3", "pg"]),
  boundary("server", ["core", "contract"], UI),
  boundary("cli", ["core", "server", "contract", "sync"], UI),
  boundary("workbench", ["excel", "core"], [...NODE_BUILTINS, ...SERVER_LIBS]),
  {
    // One rule, one place: caps, tolerances, bands and thresholds are the core's exported parameters.
    // A fractional literal compared with, or multiplying, a figure in server/ or excel/ restates one.
    files: ["src/server/**/*.ts", "src/excel/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "BinaryExpression[operator=/^(<|<=|>|>=|\\*)$/] > Literal[raw=/^(\\d*\\.\\d+|\\d+e-\\d+)$/]",
          message:
            "A fractional cap, tolerance or band belongs in src/core: import the core's parameter (e.g. tracking.DEFAULT_TOLERANCE) instead of restating it.",
        },
      ],
    },
  },
  {
    // custom-functions-metadata maps only literal parameter types: Excel's untyped ranges must be `any[][]`.
    // The wrappers hand them straight to the typed argument readers in src/functions/args.ts.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unsafe-argument": "off" },
  },
  {
    files: ["test/**/*.{ts,tsx}", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
    },
  },
  prettier,
);
