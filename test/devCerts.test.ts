/**
 * `npm start` never sideloads into desktop Excel what Excel cannot load (scripts/dev-certs.js): with
 * office-addin-dev-certs' certificate installed and trusted it sideloads; without it, it installs it when
 * someone is there to grant the rights it asks for, else stops before sideloading with the exact steps.
 * Certificates are made here with openssl in a temporary home; verify and install are stand-ins, so the
 * test needs neither administrator rights nor the internet.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

interface Files {
  dir: string;
  cert: string;
  key: string;
  ca: string;
}
interface Decision {
  sideload: boolean;
  useCertificate: boolean;
  message: string | null;
}
interface DevCerts {
  certificateFiles: (home: string) => Files;
  readCertificate: (files: Files, now?: Date) => { present: boolean; expired: boolean | null };
  decideSideload: (options: {
    platform: string;
    files: Files;
    interactive: boolean;
    ci: boolean;
    base: string;
    verify: () => Promise<boolean>;
    install: () => Promise<boolean>;
    now?: Date;
  }) => Promise<Decision>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, as scripts/start.mjs loads it
const devCerts = require("../scripts/dev-certs.js") as DevCerts;

const BASE = "https://localhost:3000";
let home: string;
let files: Files;

/** What office-addin-dev-certs install leaves behind: a CA, and a localhost certificate valid 30 days. */
function writeCertificates(): void {
  mkdirSync(files.dir, { recursive: true });
  const run = (args: string[]): void => {
    execFileSync("openssl", args, { stdio: "ignore" });
  };
  run(
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=Test CA", "-days", "30"].concat([
      "-keyout",
      path.join(files.dir, "ca.key"),
      "-out",
      files.ca,
    ]),
  );
  run([
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=localhost",
    "-days",
    "30",
    "-keyout",
    files.key,
    "-out",
    files.cert,
  ]);
}

beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), "cadence-home-"));
  files = devCerts.certificateFiles(home);
  jest.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(home, { recursive: true, force: true });
});

function decide(
  platform: string,
  opts: { interactive?: boolean; ci?: boolean; trusted?: boolean; installs?: boolean; now?: Date },
) {
  const calls = { verify: 0, install: 0 };
  const decision = devCerts.decideSideload({
    platform,
    files,
    base: BASE,
    interactive: opts.interactive ?? false,
    ci: opts.ci ?? false,
    now: opts.now,
    verify: () => {
      calls.verify++;
      return Promise.resolve(opts.trusted ?? false);
    },
    install: () => {
      calls.install++;
      if (opts.installs === true) writeCertificates();
      return Promise.resolve(opts.installs ?? false);
    },
  });
  return { decision, calls };
}

describe("npm start and desktop Excel", () => {
  it("sideloads with the installed, trusted development certificate", async () => {
    writeCertificates();
    const { decision, calls } = decide("win32", { trusted: true });
    expect(await decision).toEqual({ sideload: true, useCertificate: true, message: null });
    expect(calls).toEqual({ verify: 1, install: 0 });
  });

  it("with no certificate and nobody at the keyboard (or in CI), stops before sideloading with the exact steps", async () => {
    for (const opts of [{ interactive: false }, { interactive: true, ci: true }]) {
      const { decision, calls } = decide("darwin", opts);
      const d = await decision;
      expect(d.sideload).toBe(false);
      expect(d.useCertificate).toBe(false);
      expect(calls.install).toBe(0);
      expect(d.message).toContain("Not sideloading into Excel");
      expect(d.message).toContain("1. npx office-addin-dev-certs install");
      expect(d.message).toContain("asks for administrator rights: macOS asks for your password");
      expect(d.message).toContain("2. npm start");
      expect(d.message).toContain(`${BASE}/workbench.html`);
    }
  });

  it("installs the certificate when someone is there (saying it asks for rights), then sideloads", async () => {
    const { decision, calls } = decide("win32", { interactive: true, installs: true, trusted: true });
    expect(await decision).toEqual({ sideload: true, useCertificate: true, message: null });
    expect(calls.install).toBe(1);
    expect(console.log).toHaveBeenCalledWith(
      expect.stringContaining("administrator rights (a Windows security prompt)"),
    );
  });

  it("does not sideload when the install is refused, or leaves a certificate Windows still does not trust", async () => {
    const refused = await decide("win32", { interactive: true, installs: false }).decision;
    expect(refused.sideload).toBe(false);
    expect(refused.message).toContain("Windows shows a security prompt");
    const untrusted = await decide("win32", { interactive: true, installs: true, trusted: false }).decision;
    expect(untrusted.sideload).toBe(false);
    expect(untrusted.message).toContain("1. npx office-addin-dev-certs install");
  });

  it("does not sideload with an expired certificate, even one the system trusts", async () => {
    writeCertificates();
    const later = new Date(Date.now() + 40 * 86_400_000);
    expect(devCerts.readCertificate(files, later)).toMatchObject({ present: true, expired: true });
    const d = await decide("darwin", { trusted: true, now: later }).decision;
    expect(d.sideload).toBe(false);
    expect(d.useCertificate).toBe(false);
  });

  it("on Linux there is no desktop Excel: it serves, with the certificate when there is one, and never installs", async () => {
    writeCertificates();
    const { decision, calls } = decide("linux", { interactive: true, trusted: true });
    expect(await decision).toEqual({ sideload: false, useCertificate: true, message: null });
    expect(calls).toEqual({ verify: 0, install: 0 });
  });
});
