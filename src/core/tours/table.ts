/**
 * The France postal-code table, loaded on first use: it is large (about 1 MB), so faces that start
 * fast (the task pane, the custom functions) fetch it only when a tour or a distance needs it.
 */
import { parsePostcodeTable, type PostcodeIndex } from "./postcodes";

let loading: Promise<PostcodeIndex> | null = null;

export function loadFranceIndex(): Promise<PostcodeIndex> {
  loading ??= import("./data/postcodesFr").then((m) => parsePostcodeTable(m.POSTCODES_FR));
  return loading;
}
