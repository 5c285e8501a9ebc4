/**
 * A stand-in for Excel's CustomFunctions global (custom-functions-runtime), installed before the
 * functions are imported: Error carries (code, message) and ErrorCode holds Excel's error texts.
 * Excel shows a message only on #VALUE! and #N/A: the stand-in refuses one on any other code.
 */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** As strict as Excel: a message shows only on #VALUE! and #N/A, so any other code with one is refused. */
class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {
    if (message !== undefined && code !== ErrorCode.invalidValue && code !== ErrorCode.notAvailable)
      throw new Error(`Excel shows no message on ${code}: "${message}" would be lost`);
  }
}

(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate: (): void => undefined,
};

export interface ExcelErrorLike {
  code: string;
  message?: string;
}

/** Runs a custom function and returns the Excel error it threw (fails the test when it did not throw one). */
export function excelErrorOf(call: () => unknown): ExcelErrorLike {
  try {
    call();
  } catch (error: unknown) {
    if (error instanceof CustomFunctionsError) return error;
    throw new Error(`expected a CustomFunctions.Error, got ${String(error)}`);
  }
  throw new Error("expected the function to throw an Excel error, but it returned");
}

/** The same for a function that returns a promise (those that load the holiday calendar first). */
export async function rejectedExcelError(call: () => Promise<unknown>): Promise<ExcelErrorLike> {
  try {
    await call();
  } catch (error: unknown) {
    if (error instanceof CustomFunctionsError) return error;
    throw new Error(`expected a CustomFunctions.Error, got ${String(error)}`);
  }
  throw new Error("expected the function to reject with an Excel error, but it resolved");
}

export { CustomFunctionsError };
