/**
 * Who is calling: a personal access token (looked up by its hash) or a Microsoft Entra ID access
 * token (verified with jose against the tenant's keys: issuer, audience, expiry, RS256 only, tenant
 * allow-list), matched to a person by object id, then by e-mail.
 */
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import type { Kysely } from "kysely";
import type { Role } from "../contract";
import type { Actor } from "./access";
import type { DB, PeopleTable } from "./db/schema";
import { ApiError } from "./errors";
import { subordinateIds } from "./people";
import { hashToken, TOKEN_PREFIX } from "./tokens";

export interface EntraOptions {
  /** Accepted audiences (the add-in's application id URI or client id). */
  audience: string | string[];
  /** Tenant ids allowed to sign in. */
  tenants: readonly string[];
  /** Key set; default: the keys published at `jwksUrl`, fetched once and cached (createRemoteJWKSet). */
  keys?: JWTVerifyGetKey;
  /** Where the signing keys are published; default Microsoft's common endpoint. */
  jwksUrl?: string;
}

export const MICROSOFT_JWKS_URL = "https://login.microsoftonline.com/common/discovery/v2.0/keys";

/**
 * The remote key set, made ONCE per server: jose caches the keys, refetches them at most every
 * 30 s when a token names an unknown key id (cooldown), and after 10 minutes (max age).
 */
export function remoteKeySet(url = MICROSOFT_JWKS_URL): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
}

/** Entra options with their key set resolved (what `authenticate` needs). */
export function withKeySet(entra: EntraOptions): EntraOptions & { keys: JWTVerifyGetKey } {
  return { ...entra, keys: entra.keys ?? remoteKeySet(entra.jwksUrl) };
}

function issuersOf(tenants: readonly string[]): string[] {
  return tenants.flatMap((t) => [
    `https://login.microsoftonline.com/${t}/v2.0`,
    `https://sts.windows.net/${t}/`,
  ]);
}

export async function authenticate(
  db: Kysely<DB>,
  authorization: string | undefined,
  entra: (EntraOptions & { keys: JWTVerifyGetKey }) | undefined,
): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (token === undefined) throw new ApiError("UNAUTHENTICATED", { reason: "missing bearer token" });
  const person = token.startsWith(TOKEN_PREFIX)
    ? await personFromPat(db, token)
    : await personFromEntra(db, token, entra);
  return {
    id: person.id,
    name: person.name,
    role: person.role as Role,
    below: new Set(await subordinateIds(db, person.id)),
  };
}

async function personFromPat(db: Kysely<DB>, token: string): Promise<PeopleTable> {
  const person = await db
    .selectFrom("tokens")
    .innerJoin("people", "people.id", "tokens.person_id")
    .selectAll("people")
    .where("tokens.hash", "=", hashToken(token))
    .where("tokens.revoked_at", "is", null)
    .where("people.deactivated_at", "is", null)
    .executeTakeFirst();
  if (!person) throw new ApiError("UNAUTHENTICATED", { reason: "unknown or revoked token" });
  return person;
}

async function personFromEntra(
  db: Kysely<DB>,
  token: string,
  entra: (EntraOptions & { keys: JWTVerifyGetKey }) | undefined,
): Promise<PeopleTable> {
  if (!entra) throw new ApiError("UNAUTHENTICATED", { reason: "unknown token format" });
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, entra.keys, {
      algorithms: ["RS256"],
      audience: entra.audience,
      issuer: issuersOf(entra.tenants),
      clockTolerance: 60,
    }));
  } catch (error: unknown) {
    const reason = error instanceof joseErrors.JOSEError ? error.code : "invalid token";
    throw new ApiError("UNAUTHENTICATED", { reason });
  }
  const tid = typeof payload.tid === "string" ? payload.tid : "";
  if (!entra.tenants.includes(tid)) throw new ApiError("UNAUTHENTICATED", { reason: "tenant not allowed" });
  const oid = typeof payload.oid === "string" ? payload.oid : null;
  if (oid !== null) {
    const byOid = await db
      .selectFrom("people")
      .selectAll()
      .where("entra_oid", "=", oid)
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (byOid) return byOid;
  }
  const email = [payload.preferred_username, payload.email, payload.upn].find((v) => typeof v === "string");
  if (typeof email === "string") {
    const byEmail = await db
      .selectFrom("people")
      .selectAll()
      .where("email", "=", email.toLowerCase())
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (byEmail) return byEmail;
  }
  throw new ApiError("UNAUTHENTICATED", { reason: "no person matches this account" });
}

/** Remembers who a bearer token is for a few seconds, so a busy client does not cost a lookup per request. */
export class ActorCache {
  private readonly entries = new Map<string, { actor: Actor; expires: number }>();
  /** Headers that signed someone in lately (10 minutes): they pass a source address's anonymous limit. */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly resolve: (header: string | undefined) => Promise<Actor>,
    private readonly maxEntries = 10_000,
  ) {}

  async get(header: string | undefined): Promise<Actor> {
    if (this.ttlMs <= 0 || header === undefined) {
      const actor = await this.resolve(header);
      if (header !== undefined) this.remember(header, Date.now());
      return actor;
    }
    const now = Date.now();
    const hit = this.entries.get(header);
    if (hit && hit.expires > now) return hit.actor;
    const actor = await this.resolve(header);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(header, { actor, expires: now + this.ttlMs });
    this.remember(header, now);
    return actor;
  }

  /** Whether this header signed someone in within the last 10 minutes. */
  knows(header: string | undefined, now = Date.now()): boolean {
    return header !== undefined && (this.known.get(header) ?? 0) > now;
  }

  private remember(header: string, now: number): void {
    if (this.known.size >= this.maxEntries) this.known.clear();
    this.known.set(header, now + 600_000);
  }
}
