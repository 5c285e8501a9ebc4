/** Portfolio parsing: a grid as Excel hands it over → clients, issues, and what was understood. */
export type { PortfolioOptions, PortfolioParse } from "./portfolio";
export { parsePortfolio } from "./portfolio";
export type { ColumnMapping, ColumnMatch, ExtraColumn } from "./columns";
export { columnLetter, detectColumns, findHeaderRow, headerText } from "./columns";
export type { BaseField, ClientField, NormField } from "./fields";
export { BASE_FIELDS, isNumericField, normChannel, normField } from "./fields";
export type { HeaderMatch } from "./headers";
export { classifyHeader, matchChannel, matchHeader, normaliseHeader } from "./headers";
export { CHANNEL_ALIASES, HEADER_SYNONYMS } from "./synonyms";
export type { NumberOptions, NumberParse } from "./numbers";
export { EXCEL_ERRORS, excelError, isBlank, parseNumber } from "./numbers";
export type { Lang, ParseIssue } from "./issues";
export { formatIssue, issueMessage, makeIssue } from "./issues";
export { inferDecimalSeparator } from "./cells";
