import fc from "fast-check";
import { en } from "../../../src/taskpane/i18n/en";
import { fr } from "../../../src/taskpane/i18n/fr";
import { detectLanguage, formattersFor, localeFor, translate } from "../../../src/taskpane/i18n/format";

describe("message catalogues", () => {
  it("have exactly the same keys in French and English", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it("have no empty message and the same placeholders in both languages", () => {
    const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim()).not.toBe("");
      expect(fr[key].trim()).not.toBe("");
      expect({ key, params: placeholders(fr[key]) }).toEqual({ key, params: placeholders(en[key]) });
    }
  });
});

describe("detectLanguage", () => {
  it("follows Office's display language first", () => {
    expect(detectLanguage("fr-FR", "en-US")).toBe("fr");
    expect(detectLanguage("en-GB", "fr-FR")).toBe("en");
  });
  it("falls back to the browser's language, then English", () => {
    expect(detectLanguage(undefined, "fr-CA")).toBe("fr");
    expect(detectLanguage("", "de-DE")).toBe("en");
    expect(detectLanguage("de-DE", "fr")).toBe("fr");
  });
  it("always returns a supported language", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (a, b) => {
        expect(["fr", "en"]).toContain(detectLanguage(a ?? undefined, b ?? undefined));
      }),
    );
  });
});

describe("translate and format", () => {
  it("fills parameters and leaves unknown ones visible", () => {
    expect(translate(en, "actions.editOne", { action: "Call", client: "C1" })).toBe("Edit “Call” for C1");
    expect(translate(en, "actions.editOne", { action: "Call" })).toBe("Edit “Call” for {client}");
  });
  it("keeps a regional host tag and defaults otherwise", () => {
    expect(localeFor("fr", "fr-CA")).toBe("fr-CA");
    expect(localeFor("fr", "en-US")).toBe("fr-FR");
    expect(localeFor("en", undefined)).toBe("en-US");
  });
  it("formats numbers, percents and dates in the locale", () => {
    const frFormat = formattersFor("fr-FR");
    const enFormat = formattersFor("en-US");
    expect(enFormat.number(1140)).toBe("1,140");
    expect(frFormat.number(1140).replace(/\s/g, " ")).toBe("1 140");
    expect(enFormat.percent(0.68)).toBe("68%");
    expect(enFormat.date("2026-06-30")).toBe("Jun 30, 2026");
    expect(frFormat.date("2026-06-30")).toBe("30 juin 2026");
    expect(enFormat.date("not a date")).toBe("not a date");
  });
});
