/**
 * The France postal-code table, imported statically: for Node faces (the CLI), where a dynamic
 * import would bypass the TypeScript loader. Browser faces use loadFranceIndex (table.ts) instead,
 * which keeps the table out of their start-up bundles. Not re-exported by index.ts on purpose.
 */
import { POSTCODES_FR } from "./data/postcodesFr";
import { parsePostcodeTable, type PostcodeIndex } from "./postcodes";

let index: PostcodeIndex | null = null;

export function franceIndex(): PostcodeIndex {
  index ??= parsePostcodeTable(POSTCODES_FR);
  return index;
}
