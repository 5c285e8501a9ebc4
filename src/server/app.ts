/**
 * createServer: the store's HTTP API (Fastify 5). Stateless: everything lives in the database, so
 * several instances can serve one PostgreSQL.
 */
import { setTimeout as delay } from "node:timers/promises";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { sql } from "kysely";
import { ActorCache, authenticate, withKeySet, type EntraOptions } from "./auth";
import { bodyFault } from "./bodyChecks";
import { clientErrorHandler } from "./clientErrors";
import type { Database } from "./db/connect";
import { isDatabaseUnavailable } from "./db/unavailable";
import { ApiError, ERRORS, errorBody, type ErrorCode } from "./errors";
import { RefusalTally, WindowCounter } from "./limits";
import { OpenApiCollector } from "./openapi";
import { registerPeopleRoutes } from "./routes/people";
import { registerSyncRoutes } from "./routes/replication";
import { registerTeamRoutes } from "./routes/team";
import { RequestValidationError, typeboxCompiler } from "./validation";

export interface ServerOptions {
  db: Database;
  /** Pino logger, or true / false (default: false, quiet for tests). */
  logger?: FastifyBaseLogger | boolean;
  /** Origin(s) of the add-in allowed by CORS; default https://localhost:3000. */
  corsOrigin?: string | string[] | false;
  entra?: EntraOptions;
  /** Largest accepted body in bytes; default 5 MB (a 1,000-row plan is far below). */
  bodyLimit?: number;
  /**
   * Requests per window per person once signed in (default 6,000 a minute), and refused sign-ins
   * per source address before (default 120 a minute: past it, a source is refused without a
   * database lookup and after `refusalDelayMs` (default 1,000), except for tokens that signed in
   * lately). false disables both.
   */
  rateLimit?: { max: number; timeWindowMs: number; anonymousMax?: number; refusalDelayMs?: number } | false;
  trustProxy?: boolean;
  /**
   * How long a verified token's person (and subtree) is reused, in ms; default 5,000, 0 disables.
   * Revocations and hierarchy changes therefore apply within this delay on every instance.
   */
  authCacheMs?: number;
}

declare module "fastify" {
  interface FastifySchema {
    /** Shown in the OpenAPI document. */
    summary?: string;
  }
  interface FastifyContextConfig {
    /** Routes open without a token (health, readiness, OpenAPI). */
    public?: boolean;
  }
}

/**
 * One access line per request, when it completes, instead of Fastify's two (incoming, completed):
 * at info, ≈ 7 µs a request instead of ≈ 11 µs (pino to /dev/null, Fastify inject on this machine).
 */
class AccessLog extends LogController {
  override incomingRequest(): void {
    // Logged once, on completion.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error || this.isLogDisabled(request)) {
      super.requestCompleted(error, request, reply);
      return;
    }
    const line = { method: request.method, url: request.url, status: reply.statusCode };
    reply.log.info({ ...line, ms: Math.round(reply.elapsedTime) }, "request");
  }
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(typeof options.logger === "object"
      ? { loggerInstance: options.logger }
      : { logger: options.logger ?? false }),
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    clientErrorHandler,
    logController: new AccessLog(),
  });
  const { db } = options.db;
  const openapi = new OpenApiCollector();
  const entra = options.entra === undefined ? undefined : withKeySet(options.entra);
  const actors = new ActorCache(options.authCacheMs ?? 5000, (header) => authenticate(db, header, entra));
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/openapi")) openapi.add(route);
  });
  app.setValidatorCompiler(typeboxCompiler);
  app.decorateRequest("actor", null);
  app.setErrorHandler((error, request, reply) => {
    const [code, details] = classify(error);
    const status = ERRORS[code][0];
    if (code === "RATE_LIMITED") {
      const wait = (details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 1000;
      void reply.header("retry-after", String(Math.max(1, Math.ceil(wait / 1000))));
    } else if (code === "DB_UNAVAILABLE") {
      request.log.warn({ err: error }, "database unavailable");
      void reply.header("retry-after", "1");
    } else if (status >= 500) request.log.error({ err: error }, "request failed");
    const message =
      error instanceof ApiError || error instanceof RequestValidationError
        ? error.message
        : `${ERRORS[code][1]} / ${ERRORS[code][2]}`;
    void reply.status(status).send(errorBody(code, message, details));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(errorBody("NOT_FOUND", `No route ${request.method} ${request.url}. / Route inconnue.`));
  });

  // Bodies are walked once before any route sees them: depth, finite numbers, valid Unicode.
  // Fastify's own parser first: it refuses __proto__ and constructor.prototype keys.
  const parseJson = app.getDefaultJsonParser("error", "error") as (
    request: FastifyRequest,
    body: string,
    done: (error: Error | null, value?: unknown) => void,
  ) => void;
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    parseJson(request, body as string, (error, value) => {
      if (error !== null) {
        done(error);
        return;
      }
      const fault = bodyFault(value);
      done(fault === null ? null : new RequestValidationError("body", [fault]), value);
    });
  });

  // An API's policy: nothing to render, frame or embed; no caching of what a caller may read.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "no-referrer" },
  });
  // A list, so the header is only sent back to a matching origin.
  const origins = options.corsOrigin ?? "https://localhost:3000";
  await app.register(cors, { origin: typeof origins === "string" ? [origins] : origins, credentials: false });

  const limit =
    options.rateLimit === false ? null : (options.rateLimit ?? { max: 6000, timeWindowMs: 60_000 });
  const perPerson = limit && new WindowCounter({ max: limit.max, windowMs: limit.timeWindowMs });
  const perSource =
    limit && new WindowCounter({ max: limit.anonymousMax ?? 120, windowMs: limit.timeWindowMs });
  const refusals = new RefusalTally(db, (error) => {
    app.log.error({ err: error }, "could not record refused sign-ins");
  });
  app.addHook("onClose", () => refusals.close());

  app.addHook("onRequest", async (request, reply) => {
    if (request.routeOptions.config.public === true || request.routeOptions.url === undefined) return;
    void reply.header("cache-control", "no-store");
    const header = request.headers.authorization;
    // A source over its allowance of refused sign-ins is refused before any lookup.
    const wait = perSource?.blocked(request.ip) ?? null;
    if (wait !== null && !actors.knows(header)) {
      refusals.record(request.ip, "rate limited");
      // Held a moment before the answer: a flood's connections then cost little, whatever their number.
      await delay(Math.min(wait, limit?.refusalDelayMs ?? 1000));
      throw new ApiError("RATE_LIMITED", { retryAfterMs: wait });
    }
    try {
      request.actor = await actors.get(header);
    } catch (error: unknown) {
      if (error instanceof ApiError && error.code === "UNAUTHENTICATED") {
        perSource?.hit(request.ip);
        const reason = (error.details as { reason?: unknown } | undefined)?.reason;
        refusals.record(request.ip, typeof reason === "string" ? reason : "unauthenticated");
      }
      throw error;
    }
    const over = perPerson?.hit(request.actor.id) ?? null;
    if (over !== null) throw new ApiError("RATE_LIMITED", { retryAfterMs: over });
  });

  app.get("/health", { config: { public: true }, schema: { summary: "Liveness" } }, () => ({ status: "ok" }));
  app.get(
    "/ready",
    { config: { public: true }, schema: { summary: "Readiness: the database answers" } },
    async () => {
      try {
        await sql`select 1`.execute(db);
      } catch (error: unknown) {
        throw new ApiError("NOT_READY", { reason: error instanceof Error ? error.message : String(error) });
      }
      return { status: "ready", dialect: options.db.dialect };
    },
  );
  registerPeopleRoutes(app, db);
  registerSyncRoutes(app, db);
  registerTeamRoutes(app, db);
  app.get("/openapi.json", { config: { public: true } }, () => openapi.document());
  return app;
}

/** Maps anything thrown to a catalogue code: the caller's mistakes are 4xx, never 5xx. */
function classify(error: unknown): [ErrorCode, unknown] {
  if (error instanceof ApiError) return [error.code, error.details];
  if (error instanceof RequestValidationError)
    return ["VALIDATION", { part: error.part, issues: error.issues }];
  const status =
    typeof error === "object" && error !== null && "statusCode" in error ? Number(error.statusCode) : 500;
  const fastifyCode =
    typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (status === 413) return ["BODY_TOO_LARGE", undefined];
  if (status === 415) return ["UNSUPPORTED_MEDIA_TYPE", undefined];
  if (status === 429) return ["RATE_LIMITED", undefined];
  if (status === 405) return ["METHOD_NOT_ALLOWED", undefined];
  if (error instanceof SyntaxError || fastifyCode.includes("JSON")) return ["INVALID_JSON", undefined];
  if (status >= 400 && status < 500) return ["BAD_REQUEST", { code: fastifyCode }];
  if (isDatabaseUnavailable(error)) return ["DB_UNAVAILABLE", undefined];
  return ["INTERNAL", undefined];
}
