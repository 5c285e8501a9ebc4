/**
 * Errors shaped like OfficeExtension.Error ({ code, message, debugInfo }), with Excel's own codes.
 * Codes: https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  invalidObjectPath: "InvalidObjectPath",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** What a failed sync (or a read of an unloaded property) throws, as OfficeExtension.Error does. */
export class WorkbenchApiError extends Error {
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(
    readonly code: ErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export function notLoaded(objectName: string, property: string): WorkbenchApiError {
  return new WorkbenchApiError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${objectName}.${property}`,
  );
}

export function itemNotFound(location: string): WorkbenchApiError {
  return new WorkbenchApiError(ErrorCodes.itemNotFound, "The requested resource doesn't exist.", location);
}

export function invalidArgument(location: string, detail = ""): WorkbenchApiError {
  const message = "The argument is invalid or missing or has an incorrect format.";
  return new WorkbenchApiError(
    ErrorCodes.invalidArgument,
    detail ? `${message} ${detail}` : message,
    location,
  );
}

export function accessDenied(location: string): WorkbenchApiError {
  return new WorkbenchApiError(
    ErrorCodes.accessDenied,
    "The cell or chart you're trying to change is on a protected sheet. You cannot perform the requested operation.",
    location,
  );
}

export function alreadyExists(location: string): WorkbenchApiError {
  return new WorkbenchApiError(
    ErrorCodes.itemAlreadyExists,
    "The resource being created already exists.",
    location,
  );
}

export function invalidOperation(location: string, detail: string): WorkbenchApiError {
  return new WorkbenchApiError(
    ErrorCodes.invalidOperation,
    `The operation is not valid. ${detail}`,
    location,
  );
}
