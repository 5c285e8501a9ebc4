/** The workbook's synced sheets as plain grids: the types live with the workbook schema (core), shared with excel/. */
export * from "../../core/workbook/syncSheets";
