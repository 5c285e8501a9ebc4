import fc from "fast-check";
import type { Client } from "../../src/core/types";

/** A client with every optional field blank, for tests. */
export function client(id: string, fields: Partial<Client> = {}): Client {
  return {
    id,
    name: id,
    postalCode: null,
    city: null,
    salesN1: null,
    salesN: null,
    potential: null,
    margin: null,
    segmentOverride: null,
    normOverride: null,
    min: null,
    max: null,
    row: 2,
    ...fields,
  };
}

const amount = fc.option(
  fc.oneof(fc.constant(0), fc.integer({ min: -10, max: 1000 }), fc.constantFrom(90, 100, 50)),
  {
    freq: 5,
  },
);

/** Random portfolios with unique ids and a mix of blanks, zeros and round figures. */
export const portfolio = fc
  .uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      salesN: amount,
      salesN1: amount,
      potential: amount,
    }),
    { selector: (c) => c.id, maxLength: 30 },
  )
  .map((rows) =>
    rows.map((r) => client(r.id, { salesN: r.salesN, salesN1: r.salesN1, potential: r.potential })),
  );
