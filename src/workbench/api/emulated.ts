/**
 * Every Excel class the workbench emulates, by its Excel name: the requirement-set guard is installed
 * on these, and the test that checks the table against Office's declarations walks the same list.
 */
import { Chart, ChartCollection } from "./charts";
import type { ClientObject } from "./clientObject";
import { ConditionalFormat, ConditionalFormatCollection } from "./conditionalFormats";
import { NamedItem, NamedItemCollection } from "./names";
import { Range } from "./range";
import { RangeAreas } from "./rangeAreas";
import { RangeFill, RangeFont, RangeFormat } from "./rangeFormat";
import { installRequirementChecks } from "./requirements";
import { Table, TableCollection } from "./table";
import { TableColumn, TableColumnCollection, TableRow, TableRowCollection } from "./tableParts";
import { DataValidation } from "./validation";
import { Application, WorkbookProxy } from "./workbook";
import { Worksheet, WorksheetFreezePanes, WorksheetProtection } from "./worksheet";
import { WorksheetCollection } from "./worksheets";

/** A proxy class, by its prototype (some constructors are private: instances come from factories). */
type ProxyClass = { prototype: ClientObject };

export const EMULATED_CLASSES: Readonly<Record<string, ProxyClass>> = {
  Application,
  Chart,
  ChartCollection,
  ConditionalFormat,
  ConditionalFormatCollection,
  DataValidation,
  NamedItem,
  NamedItemCollection,
  Range,
  RangeAreas,
  RangeFill,
  RangeFont,
  RangeFormat,
  Table,
  TableCollection,
  TableColumn,
  TableColumnCollection,
  TableRow,
  TableRowCollection,
  Workbook: WorkbookProxy,
  Worksheet,
  WorksheetCollection,
  WorksheetFreezePanes,
  WorksheetProtection,
};

installRequirementChecks(EMULATED_CLASSES);
