/* eslint-disable */
// Builds the add-in: task pane (React), ribbon commands and custom functions in one shared runtime page,
// plus the workbench (an in-browser stand-in for Excel). functions.json is generated from JSDoc.
const path = require("node:path");
const fs = require("node:fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const webpack = require("webpack");
const { LocalizedFunctionsPlugin } = require("./scripts/localized-functions-plugin");
const { holidaysSubsetModule } = require("./scripts/holidays-subset");
const { addinBaseUrl, manifestFor, storeUrl } = require("./scripts/deployment");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Served from node_modules/@microsoft/office-js/dist under /office-js/ by the dev server and test servers.
const OFFICE_JS_LOCAL = "office-js/office.js";
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  // A deployment build (docs/deploy.md): ADDIN_BASE_URL moves the manifest's URLs, CADENCE_STORE_URL names the store.
  const baseUrl = addinBaseUrl();
  const store = storeUrl();
  /** @type {import('webpack').Configuration} */
  const config = {
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/taskpane/commands.ts",
      functions: FUNCTIONS_SOURCE,
      workbench: "./src/workbench/page.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.(ts|tsx)$/,
          exclude: /node_modules/,
          use: {
            loader: "swc-loader",
            options: {
              jsc: {
                parser: { syntax: "typescript", tsx: true },
                transform: { react: { runtime: "automatic" } },
                target: "es2020",
              },
            },
          },
        },
        { test: /\.(png|jpg|svg)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
        // The core is pure (architecture.md): importing one of its modules does nothing but define exports, so
        // webpack may skip the modules a barrel (core/calendar/index.ts) re-exports and nobody uses. That keeps
        // date-holidays in the lazily loaded chunks (functions/holidays.ts, taskpane/engine) only.
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
      ],
    },
    performance: { hints: false },
    // Task pane, ribbon commands and custom functions share one page: common code loads once.
    optimization: { splitChunks: { chunks: "all" } },
    plugins: [
      // The store's address, read by src/taskpane/shell/deployment.ts.
      new webpack.DefinePlugin({ __CADENCE_STORE_URL__: JSON.stringify(store) }),
      // The browser bundle carries the public holidays of the countries Cadence is sold in, not all 200+.
      new webpack.NormalModuleReplacementPlugin(
        /date-holidays[\\/]src[\\/]data\.js$/,
        holidaysSubsetModule(),
      ),
      // Moment (used by the holiday parser) would otherwise bundle every locale.
      new webpack.IgnorePlugin({ resourceRegExp: /^\.\/locale$/, contextRegExp: /moment$/ }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new LocalizedFunctionsPlugin({
        source: "functions.json",
        translations: path.resolve(__dirname, "src/functions/functions.fr.json"),
        output: "functions-fr.json",
      }),
      // The shared runtime page: task pane, ribbon commands and custom functions run in one long-lived page.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
        templateParameters: { officeJsUrl: OFFICE_JS_CDN },
      }),
      // The same pane for the workbench and browser tests: Office.js from the npm package, no custom functions.
      new HtmlWebpackPlugin({
        filename: "taskpane-local.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJsUrl: OFFICE_JS_LOCAL },
      }),
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
        templateParameters: { officeJsUrl: OFFICE_JS_LOCAL },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content.toString("utf8"), baseUrl),
          },
        ],
      }),
    ],
  };
  return config;
};
