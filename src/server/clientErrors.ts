/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large, a timeout,
 * malformed HTTP): answered with the documented error shape and the same security headers.
 */
import type { Socket } from "node:net";
import { ERRORS, errorBody } from "./errors";

const PLAIN_HEADERS =
  "Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n" +
  "X-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none';frame-ancestors 'none'\r\n" +
  "Connection: close\r\n";

export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, code] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? ([431, "Request Header Fields Too Large", "HEADERS_TOO_LARGE"] as const)
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? ([408, "Request Timeout", "REQUEST_TIMEOUT"] as const)
        : ([400, "Bad Request", "BAD_REQUEST"] as const);
  const [, en, fr] = ERRORS[code];
  const body = JSON.stringify(errorBody(code, `${en} / ${fr}`));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\n${PLAIN_HEADERS}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
