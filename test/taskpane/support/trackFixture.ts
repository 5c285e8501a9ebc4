/** A small plan workbook for the Track tests: three planned clients and an empty contacts log. */
import type { SourceRead } from "../../../src/excel/gateway.types";
import { sourceFrom } from "./fakeGateway";

export function clientsTable(): SourceRead {
  return {
    ...sourceFrom(
      [
        [
          "Code client",
          "Raison sociale",
          "CA N-1",
          "CA N",
          "Potentiel",
          "Segment",
          "Prévu visites",
          "Prévu appels",
        ],
        ["K1", "Kappa", 100000, 120000, 200000, "retain", 10, 6],
        ["R1", "Rho", 80000, 60000, 150000, "atRisk", 8, 8],
        ["M1", "Mu", 30000, 31000, 40000, "maintain", 3, 4],
      ],
      "Clients",
      true,
    ),
    cadenceColumns: {
      id: 0,
      name: 1,
      salesN1: 2,
      salesN: 3,
      potential: 4,
      segment: 5,
      "planned.visit": 6,
      "planned.call": 7,
    },
  };
}

export function contactsTable(rows: (string | number)[][] = []): SourceRead {
  return sourceFrom([["Date", "Client", "Canal", "Note", "Source"], ...rows], "Contacts");
}

/** A month of CRM export: K1 visited far beyond plan, M1 once, R1 forgotten. */
export const CRM_EXPORT = [
  "date,client,channel,note",
  ...["01-12", "02-03", "02-17", "03-04", "03-18", "04-08", "04-22", "05-06", "05-27", "06-10"].map(
    (d) => `2026-${d},K1,visit,review`,
  ),
  "2026-05-12,M1,visit,check",
  "2026-05-13,ZZ9,visit,unknown",
].join("\n");
