import type { ChannelId } from "../types";

/** Per-channel norm override columns are the field "norm." + channel id, e.g. "norm.visit". */
export type NormField = `norm.${ChannelId}`;

export type BaseField =
  | "id"
  | "name"
  | "postalCode"
  | "city"
  | "salesN1"
  | "salesN1SamePeriod"
  | "salesN"
  | "potential"
  | "margin"
  | "segmentOverride"
  | "min"
  | "max";

/** A Client property a sheet column can feed. */
export type ClientField = BaseField | NormField;

export const BASE_FIELDS: readonly BaseField[] = [
  "id",
  "name",
  "postalCode",
  "city",
  "salesN1",
  "salesN1SamePeriod",
  "salesN",
  "potential",
  "margin",
  "segmentOverride",
  "min",
  "max",
];

export const normField = (channel: ChannelId): NormField => `norm.${channel}`;

/** The channel id of a norm field, or null for other fields. */
export function normChannel(field: ClientField): ChannelId | null {
  return field.startsWith("norm.") ? field.slice(5) : null;
}

export const NUMERIC_FIELDS: readonly BaseField[] = [
  "salesN1",
  "salesN1SamePeriod",
  "salesN",
  "potential",
  "margin",
  "min",
  "max",
];

export function isNumericField(field: ClientField): boolean {
  return normChannel(field) !== null || (NUMERIC_FIELDS as readonly string[]).includes(field);
}
