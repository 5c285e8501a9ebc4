/**
 * No installed package may refuse the Node version the README and `engines` name: npm prints
 * EBADENGINE on install for any lockfile entry whose own `engines.node` excludes the running Node.
 * cookie@2 (Node ≥ 22, via fastify's light-my-request) is pinned to cookie@1 by an `overrides` entry.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Fastify from "fastify";
import semver from "semver";

const ROOT = path.resolve(__dirname, "..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe("engines", () => {
  const oldest = semver.minVersion(pkg.engines.node);

  it("the project names Node 20 as the oldest it supports, and runs on this Node", () => {
    expect(oldest?.major).toBe(20);
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });

  it("every package in the lockfile accepts the oldest Node the project supports, and this one", () => {
    const refusing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (where === "" || range === undefined) continue;
      for (const node of [oldest?.version ?? "20.0.0", process.version])
        if (!semver.satisfies(node, range))
          refusing.push(`${where}@${entry.version ?? "?"} wants ${range}, not ${node}`);
    }
    expect(refusing).toEqual([]);
  });

  it("fastify's inject still sends cookies with the pinned cookie package", async () => {
    const app = Fastify();
    app.get("/echo", (request) => ({ cookie: request.headers.cookie ?? null }));
    try {
      const res = await app.inject({ method: "GET", url: "/echo", cookies: { session: "a b", lang: "fr" } });
      expect(res.json()).toEqual({ cookie: "session=a%20b; lang=fr" });
    } finally {
      await app.close();
    }
  });
});
