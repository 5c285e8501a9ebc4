/** A static server over dist/ for browser tests, with Office.js served from the @microsoft/office-js package. */
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { DIST, ROOT } from "./build";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".xml": "application/xml",
  ".map": "application/json",
};
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export async function serveDist(): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const [base, rel] = pathname.startsWith("/office-js/")
      ? [OFFICE_JS, pathname.slice("/office-js/".length)]
      : [DIST, pathname.slice(1)];
    const file = path.resolve(base, rel || "index.html");
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
