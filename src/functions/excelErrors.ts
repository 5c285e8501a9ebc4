/**
 * Custom functions report bad input as Excel errors with a message a rep understands:
 * #VALUE! for bad input, #NUM! for impossible numbers, #N/A for unknown keys (conventions.md, Errors).
 */
export type ExcelErrorKind = "value" | "num" | "na";

/** A problem with a function's arguments, raised by the argument helpers and mapped to an Excel error. */
export class FunctionInputError extends Error {
  constructor(
    readonly kind: ExcelErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "FunctionInputError";
  }
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

/** Turns anything thrown by a wrapper into the CustomFunctions.Error Excel shows in the cell. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof FunctionInputError) return new CustomFunctions.Error(code(error.kind), error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(code("value"), message);
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
