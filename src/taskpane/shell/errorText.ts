/** Turns any thrown value into a message in the rep's language, without losing the original text. */
import { GatewayError } from "../../excel/gateway.types";
import type { Language } from "../i18n/catalogue.types";

export function errorText(error: unknown, language: Language, fallback: string): string {
  if (error instanceof GatewayError) return language === "fr" ? error.messageFr : error.messageEn;
  if (isBilingual(error)) return language === "fr" ? error.messageFr : error.messageEn;
  // Core errors carry their French text next to the English message.
  if (error instanceof Error && hasFrench(error)) return language === "fr" ? error.messageFr : error.message;
  if (error instanceof Error && error.message !== "") return `${fallback} (${error.message})`;
  return fallback;
}

function isBilingual(error: unknown): error is { messageFr: string; messageEn: string } {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { messageFr?: unknown; messageEn?: unknown };
  return typeof candidate.messageFr === "string" && typeof candidate.messageEn === "string";
}

function hasFrench(error: Error): error is Error & { messageFr: string } {
  return typeof (error as { messageFr?: unknown }).messageFr === "string";
}

/** True when the error comes from an AbortController the rep triggered. */
export function isAbort(error: unknown): boolean {
  if (error instanceof GatewayError) return error.code === "aborted";
  return error instanceof Error && error.name === "AbortError";
}
