/**
 * Custom functions report bad input as Excel errors with a message a rep understands, in English or
 * French: #VALUE! for bad input and impossible numbers, #N/A for unknown keys. Excel shows no message on
 * #NUM!, so an error that explains itself is never one.
 */
import type { CoreErrorCode } from "../core/errors";
import { isCoreError } from "../core/errors";
import { coreErrorText } from "../core/errorText";
import type { Lang } from "../core/types";

export type { Lang };
/** The Excel errors that show a message: #VALUE! and #N/A. */
export type ExcelErrorKind = "value" | "na";

/** A problem with a function's arguments, raised by the argument helpers and mapped to an Excel error. */
export class FunctionInputError extends Error {
  readonly messageFr: string;

  constructor(
    readonly kind: ExcelErrorKind,
    message: string,
    messageFr?: string,
  ) {
    super(message);
    this.name = "FunctionInputError";
    this.messageFr = messageFr ?? message;
  }
}

interface OfficeLike {
  context?: { displayLanguage?: string };
}

/** Excel's display language when running in Office ("fr-FR" → fr); English elsewhere (tests, bench). */
export function displayLanguage(): Lang {
  const office = (globalThis as { Office?: OfficeLike }).Office;
  const tag = office?.context?.displayLanguage ?? "";
  return tag.toLowerCase().startsWith("fr") ? "fr" : "en";
}

function code(kind: ExcelErrorKind): CustomFunctions.ErrorCode {
  switch (kind) {
    case "value":
      return CustomFunctions.ErrorCode.invalidValue;
    case "na":
      return CustomFunctions.ErrorCode.notAvailable;
  }
}

/**
 * The Excel error each core error code stands for. Excel shows a message only on #VALUE! and #N/A
 * (a #NUM! loses it), and every core error explains itself: unknown keys are #N/A, the rest #VALUE!.
 */
export const EXCEL_ERROR_OF: Readonly<Record<CoreErrorCode, ExcelErrorKind>> = {
  unknownSegment: "na",
  unknownChannel: "na",
  unknownCalendar: "na",
  invalidNormTable: "value",
  infeasibleAllocation: "value",
  invalidAllocationInput: "value",
  invalidCapacityInput: "value",
  invalidPeriod: "value",
  invalidSeasonality: "value",
  invalidOption: "value",
  invalidDate: "value",
  invalidSegmentParams: "value",
  invalidRule: "value",
  invalidDatedPeriods: "value",
};

/** Turns anything thrown by a wrapper into the CustomFunctions.Error Excel shows in the cell. */
export function toExcelError(error: unknown, lang: Lang = displayLanguage()): CustomFunctions.Error {
  if (error instanceof FunctionInputError)
    return new CustomFunctions.Error(code(error.kind), lang === "fr" ? error.messageFr : error.message);
  if (isCoreError(error))
    return new CustomFunctions.Error(code(EXCEL_ERROR_OF[error.code]), coreErrorText(error, lang));
  return new CustomFunctions.Error(code("value"), error instanceof Error ? error.message : String(error));
}

/** Runs a wrapper body and rethrows any failure as an Excel error, never a bare JavaScript exception. */
export function guarded<T>(body: () => T): T {
  try {
    return body();
  } catch (error: unknown) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Excel shows a thrown CustomFunctions.Error, which is not an Error subclass
    throw toExcelError(error);
  }
}
