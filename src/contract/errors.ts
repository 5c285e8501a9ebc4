import { Type, type Static } from "@sinclair/typebox";

/** Every error body the store returns: `{ error: { code, message, details } }`. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;
