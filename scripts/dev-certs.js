// What `npm start` does about Excel on this machine (issue 12 §4). Excel's desktop webviews refuse a
// self-signed certificate, so the add-in is sideloaded only when the development certificate of
// office-addin-dev-certs is installed and trusted; where it is not, `npm start` installs it when someone is
// at the keyboard (office-addin-dev-certs asks for administrator rights), else stops before sideloading
// and prints the exact steps. The workbench keeps running in the browser either way.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

/** Where office-addin-dev-certs keeps its files. */
function certificateFiles(home) {
  const dir = path.join(home, ".office-addin-dev-certs");
  return {
    dir,
    cert: path.join(dir, "localhost.crt"),
    key: path.join(dir, "localhost.key"),
    ca: path.join(dir, "ca.crt"),
  };
}

/** Whether the files are there and the certificate is valid today. */
function readCertificate(files, now = new Date()) {
  if (![files.cert, files.key, files.ca].every((f) => fs.existsSync(f)))
    return { present: false, expired: null, validTo: null };
  const cert = new crypto.X509Certificate(fs.readFileSync(files.cert));
  const validTo = new Date(cert.validTo);
  return { present: true, expired: !(now >= new Date(cert.validFrom) && now <= validTo), validTo };
}

const canSideload = (platform) => platform === "win32" || platform === "darwin";

/** The exact steps to trust the certificate, then sideload (printed instead of sideloading). */
function trustSteps(platform, base) {
  const rights =
    platform === "win32"
      ? "Windows shows a security prompt: accept it to add the certificate authority"
      : "macOS asks for your password to add the certificate authority to the keychain";
  return [
    `Not sideloading into Excel: ${base} does not have a certificate this machine trusts, and Excel refuses`,
    "untrusted certificates (the task pane and the custom functions would not load). Once, then again each",
    "time the certificate expires (30 days):",
    `  1. npx office-addin-dev-certs install   (it asks for administrator rights: ${rights})`,
    "  2. npm start                             (it then sideloads manifest.xml into Excel)",
    `Meanwhile the workbench runs in your browser: ${base}/workbench.html`,
  ].join("\n");
}

/**
 * Decides, and installs the certificate when it may: `verify()` resolves true when the certificate
 * authority is trusted by the system, `install()` runs office-addin-dev-certs install (true on success).
 * Resolves { sideload, useCertificate, message }: useCertificate says whether the server should use the
 * files (present and valid), message what to print (null when nothing needs saying).
 */
async function decideSideload({ platform, files, interactive, ci, verify, install, base, now }) {
  // Read the clock at each look: a certificate installed a moment ago is valid from that second.
  const usable = () => {
    const status = readCertificate(files, now ?? new Date());
    return status.present && status.expired === false;
  };
  if (!canSideload(platform)) return { sideload: false, useCertificate: usable(), message: null };
  if (usable() && (await verify())) return { sideload: true, useCertificate: true, message: null };
  if (interactive && !ci) {
    console.log(
      `Excel needs a trusted certificate for ${base}: installing one with office-addin-dev-certs.\n` +
        "It asks for administrator rights " +
        (platform === "win32" ? "(a Windows security prompt)." : "(your macOS password for the keychain)."),
    );
    if ((await install()) && usable() && (await verify()))
      return { sideload: true, useCertificate: true, message: null };
  }
  return { sideload: false, useCertificate: usable(), message: trustSteps(platform, base) };
}

module.exports = { certificateFiles, readCertificate, trustSteps, decideSideload, canSideload };
