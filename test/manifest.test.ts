import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { DIST, ROOT, ensureBuild } from "./support/build";

type Node = Record<string, unknown>;
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: () => false,
}).parse(xml) as Node;
const app = doc.OfficeApp as Node;

/** Every element (anywhere below `node`) with the given tag name. */
function findAll(node: unknown, tag: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, tag, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === tag) (Array.isArray(value) ? value : [value]).forEach((v) => out.push(v as Node));
      findAll(value, tag, out);
    }
  }
  return out;
}
const attr = (n: Node, name: string): string => String(n[`@${name}`]);

/** French-speaking Excel locales Cadence is sold in: Office matches an override only on the exact locale. */
const FRENCH_LOCALES = ["fr-FR", "fr-BE", "fr-CA", "fr-CH", "fr-LU"];

/** An element's overrides, locale → value, in document order. */
function overridesOf(node: Node): Record<string, string> {
  const list =
    node.Override === undefined ? [] : Array.isArray(node.Override) ? node.Override : [node.Override];
  return Object.fromEntries((list as Node[]).map((o) => [attr(o, "Locale"), attr(o, "Value")]));
}

describe("manifest.xml", () => {
  test("is an add-in only TaskPaneApp manifest for Excel workbooks with a GUID id", () => {
    expect(attr(app, "type")).toBe("TaskPaneApp");
    expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(attr((app.Hosts as Node).Host as Node, "Name")).toBe("Workbook");
  });

  test("requires the shared runtime 1.1 and declares one long-lived runtime page", () => {
    const set = findAll(app.Requirements, "Set")[0];
    expect([attr(set, "Name"), attr(set, "MinVersion")]).toEqual(["SharedRuntime", "1.1"]);
    const runtime = findAll(app, "Runtime")[0];
    expect(attr(runtime, "lifetime")).toBe("long");
    expect(attr(runtime, "resid")).toBe("Taskpane.Url");
  });

  test("declares custom functions in the CADENCE namespace, on the same page as the task pane", () => {
    const ext = findAll(app, "ExtensionPoint").find((e) => attr(e, "type") === "CustomFunctions")!;
    const page = (ext.Page as Node).SourceLocation as Node;
    expect(attr(page, "resid")).toBe("Taskpane.Url");
    const namespace = findAll(app, "String").find(
      (s) => attr(s, "id") === attr(ext.Namespace as Node, "resid"),
    )!;
    expect(attr(namespace, "DefaultValue")).toBe("CADENCE");
  });

  test("has a ribbon button that opens the task pane", () => {
    const button = findAll(app, "Control").find((c) => attr(c, "type") === "Button")!;
    const action = button.Action as Node;
    expect(attr(action, "type")).toBe("ShowTaskpane");
    expect(attr(action.SourceLocation as Node, "resid")).toBe("Taskpane.Url");
  });

  test("has English display name and description with French overrides", () => {
    for (const key of ["DisplayName", "Description"]) {
      const el = app[key] as Node;
      expect(attr(el, "DefaultValue").length).toBeGreaterThan(3);
      expect(Object.keys(overridesOf(el))).toEqual(FRENCH_LOCALES);
    }
  });

  test("every French override, strings and functions metadata, is there for fr-FR, fr-BE, fr-CA, fr-CH and fr-LU alike", () => {
    const localized = [
      app.DisplayName as Node,
      app.Description as Node,
      ...findAll(app, "Url"),
      ...findAll(app, "String"),
    ].filter((n) => n.Override !== undefined);
    // Names, descriptions, the group, the button, its tooltip, the Get Started texts and the functions metadata.
    expect(localized.length).toBeGreaterThanOrEqual(8);
    for (const node of localized) {
      const overrides = overridesOf(node);
      expect({ id: node["@id"], locales: Object.keys(overrides) }).toEqual({
        id: node["@id"],
        locales: FRENCH_LOCALES,
      });
      expect(new Set(Object.values(overrides)).size).toBe(1);
    }
    const metadata = findAll(app, "Url").find((u) => attr(u, "id") === "Functions.Metadata.Url")!;
    expect(overridesOf(metadata)["fr-BE"]).toMatch(/\/functions-fr\.json$/);
    const button = findAll(app, "String").find((u) => attr(u, "id") === "TaskpaneButton.Label")!;
    expect(overridesOf(button)["fr-CA"]).toBe("Planifier et suivre");
  });

  test("every resid points to a declared resource, and ids are unique", () => {
    const resources = [...findAll(app, "Image"), ...findAll(app, "Url"), ...findAll(app, "String")].filter(
      (r) => r["@id"],
    );
    const ids = resources.map((r) => attr(r, "id"));
    expect(new Set(ids).size).toBe(ids.length);
    const referenced = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(5);
    for (const resid of referenced) expect(ids).toContain(resid);
  });

  test("every URL it names is https on the add-in's origin and exists in the build", () => {
    ensureBuild();
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    const domain = String((app.AppDomains as Node).AppDomain);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith(`${domain}/`)).toBe(true);
      const file = path.join(DIST, new URL(url).pathname);
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
    }
  }, 300_000);
});
