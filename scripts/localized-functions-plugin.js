// Emits the French custom functions metadata (functions-fr.json) from the generated functions.json and a
// translation file; a function or parameter without a translation fails the build.
const fs = require("node:fs");
const { sources, WebpackError, Compilation } = require("webpack");
const { localizeMetadata } = require("./localize-functions");

class LocalizedFunctionsPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { source, translations, output } = this.options;
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      compilation.fileDependencies.add(translations);
      compilation.hooks.processAssets.tap(
        { name: "LocalizedFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(source);
          if (!asset) return; // the metadata plugin already reported why
          try {
            const metadata = JSON.parse(asset.source.source().toString());
            const dictionary = JSON.parse(fs.readFileSync(translations, "utf8"));
            const localized = localizeMetadata(metadata, dictionary);
            compilation.emitAsset(output, new sources.RawSource(JSON.stringify(localized, null, 2)));
          } catch (error) {
            compilation.errors.push(new WebpackError(`${output}: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = { LocalizedFunctionsPlugin };
