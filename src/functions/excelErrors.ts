/**
 * Custom functions report bad input as Excel errors with a message a rep understands, in English or
 * French: #VALUE! for bad input, #NUM! for impossible numbers, #N/A for unknown keys (conventions.md).
 */
import * as allocation from "../core/allocation";
import * as calendar from "../core/calendar";
import * as capacity from "../core/capacity";
import * as norms from "../core/norms";
import * as tracking from "../core/tracking";
import type { Lang } from "../core/types";

export type { Lang };
export type ExcelErrorKind = "value" | "num" | "na";

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
    case "num":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "na":
      return CustomFunctions.ErrorCode.notAvailable;
  }
}

/** Which Excel error a core error stands for: unknown keys #N/A, impossible numbers #NUM!, the rest #VALUE!. */
function kindOf(error: Error): ExcelErrorKind {
  if (error instanceof FunctionInputError) return error.kind;
  if (
    error instanceof norms.UnknownSegmentError ||
    error instanceof norms.UnknownChannelError ||
    error instanceof calendar.UnknownCalendarError
  )
    return "na";
  if (
    error instanceof allocation.InfeasibleAllocationError ||
    error instanceof allocation.InvalidAllocationInputError ||
    error instanceof capacity.InvalidCapacityInputError ||
    error instanceof tracking.InvalidOptionError ||
    error instanceof tracking.InvalidPeriodError ||
    error instanceof tracking.InvalidSeasonalityError
  )
    return "num";
  return "value";
}

function frenchOf(error: Error): string | null {
  // The norms module's errors carry data but no French text: phrase it here.
  if (error instanceof norms.UnknownSegmentError)
    return `Segment inconnu « ${error.segment} » (connus : ${error.known.join(", ") || "aucun"})`;
  if (error instanceof norms.UnknownChannelError)
    return `Canal inconnu « ${error.channel} » (connus : ${error.known.join(", ") || "aucun"})`;
  const fr = (error as { messageFr?: unknown }).messageFr;
  return typeof fr === "string" && fr !== "" ? fr : null;
}

/** Turns anything thrown by a wrapper into the CustomFunctions.Error Excel shows in the cell. */
export function toExcelError(error: unknown, lang: Lang = displayLanguage()): CustomFunctions.Error {
  if (!(error instanceof Error)) return new CustomFunctions.Error(code("value"), String(error));
  const message = lang === "fr" ? (frenchOf(error) ?? error.message) : error.message;
  return new CustomFunctions.Error(code(kindOf(error)), message);
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
