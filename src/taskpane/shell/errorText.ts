/** Turns any thrown value into a message in the rep's language, without losing the original text. */
import { isCoreError } from "../../core/errors";
import { coreErrorText } from "../../core/errorText";
import { gatewayErrorText } from "../../excel/errors";
import { GatewayError } from "../../excel/gateway.types";
import type { Language } from "../i18n/catalogue.types";

export function errorText(
  error: unknown,
  language: Language,
  fallback: string,
  fieldName?: (field: string) => string | undefined,
): string {
  // Both kinds are a code and data; the gateway's catalogue and the core's phrase them.
  if (error instanceof GatewayError) return gatewayErrorText(error, language);
  if (isCoreError(error)) return coreErrorText(error, language, fieldName);
  if (error instanceof Error && error.message !== "") return `${fallback} (${error.message})`;
  return fallback;
}

/** True when the error comes from an AbortController the rep triggered. */
export function isAbort(error: unknown): boolean {
  if (error instanceof GatewayError) return error.code === "aborted";
  return error instanceof Error && error.name === "AbortError";
}
