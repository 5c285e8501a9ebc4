import * as tracking from "../../../src/core/tracking";

describe("excelSerialToIso", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45658, "2025-01-01"],
    [46082.75, "2026-03-01"],
    [2958465, "9999-12-31"],
  ])("serial %p is %s", (serial, iso) => {
    expect(tracking.excelSerialToIso(serial)).toBe(iso);
  });

  it("refuses Lotus's fake 1900-02-29 and serials that are no date", () => {
    for (const serial of [60, 0, -3, 2958466, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(tracking.excelSerialToIso(serial)).toBeNull();
    }
  });

  it("round-trips with isoToExcelSerial", () => {
    for (const iso of ["1900-01-01", "1900-02-28", "1900-03-01", "2026-03-05", "2024-02-29"]) {
      expect(tracking.excelSerialToIso(tracking.isoToExcelSerial(iso))).toBe(iso);
    }
  });
});

describe("parseDateCell", () => {
  it.each<[unknown, string | null]>([
    ["2026-03-05", "2026-03-05"],
    ["2026-03-05T10:00", "2026-03-05"],
    ["2026-03-05 10:00:00", "2026-03-05"],
    ["2026-03-05T23:30:00-05:00", "2026-03-05"],
    ["05/03/2026", "2026-03-05"],
    ["5/3/2026", "2026-03-05"],
    ["05-03-2026", "2026-03-05"],
    ["05.03.2026 14:30", "2026-03-05"],
    ["5/3/26", "2026-03-05"],
    ["5/3/45", "1945-03-05"],
    [" 45658 ", "2025-01-01"],
    [45658, "2025-01-01"],
    ["31/02/2026", null],
    ["2026-02-30", null],
    ["13/13/2026", null],
    ["March 5, 2026", null],
    ["", null],
    [null, null],
    [true, null],
    [60, null],
  ])("%p → %p", (cell, iso) => {
    expect(tracking.parseDateCell(cell)).toBe(iso);
  });
});

describe("matchChannel", () => {
  it.each([
    ["Visite", "visit"],
    ["Visite terrain", "visit"],
    ["RDV", "visit"],
    ["Rendez-vous", "visit"],
    ["Meeting", "visit"],
    ["Visit", "visit"],
    ["Visio", "video"],
    ["RDV visio", "video"],
    ["Teams", "video"],
    ["Video call", "video"],
    ["Vidéo", "video"],
    ["Appel", "call"],
    ["Appel sortant", "call"],
    ["Téléphone", "call"],
    ["Call", "call"],
    ["Phone call", "call"],
    ["Outbound call", "call"],
    ["E-mail", "digital"],
    ["Email", "digital"],
    ["Mail", "digital"],
    ["LinkedIn", "digital"],
    ["Réseaux sociaux", "digital"],
    ["Social", "digital"],
    ["  APPEL   SORTANT ", "call"],
  ])("%s → %s", (text, id) => {
    expect(tracking.matchChannel(text)).toBe(id);
  });

  it("returns null for unknown names and accepts user aliases over the defaults", () => {
    expect(tracking.matchChannel("Salon")).toBeNull();
    expect(tracking.matchChannel("Salon", { salon: "visit" })).toBe("visit");
    expect(tracking.matchChannel("Mail", { MAIL: "courrier" })).toBe("courrier");
  });
});
