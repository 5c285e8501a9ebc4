/**
 * Request limits: a fixed-window counter per key (a person once signed in, a source address before),
 * and the tally of anonymous refusals, written to the change log as one row per source and minute
 * instead of one row per request (a flood must not grow the log, nor hold its writer).
 */
import type { Kysely } from "kysely";
import { audit } from "./changes/sequence";
import type { DB } from "./db/schema";

export interface Limit {
  max: number;
  windowMs: number;
}

/** Counts hits per key in fixed windows; forgets keys whose window has passed. */
export class WindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: Limit,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts a hit; returns the ms until the window resets when the key is over its limit, else null. */
  hit(key: string, now = Date.now()): number | null {
    const window = this.current(key, now);
    window.count += 1;
    return window.count > this.limit.max ? window.resetAt - now : null;
  }

  /** The ms until the key may try again when it is already over its limit (not counted), else null. */
  blocked(key: string, now = Date.now()): number | null {
    const window = this.windows.get(key);
    return window !== undefined && window.resetAt > now && window.count >= this.limit.max
      ? window.resetAt - now
      : null;
  }

  private current(key: string, now: number): { count: number; resetAt: number } {
    let window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      window = { count: 0, resetAt: now + this.limit.windowMs };
      this.windows.set(key, window);
    }
    return window;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}

const MINUTE = 60_000;

interface Tally {
  minute: number;
  count: number;
  reasons: Record<string, number>;
}

/**
 * Refusals of anonymous callers, counted per source address and minute. A minute's counts are
 * written once it is over (checked every few seconds, and at close); at most `maxSources` sources
 * are told apart, the rest are counted under "*".
 */
export class RefusalTally {
  private readonly tallies = new Map<string, Tally>();
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly onError: (error: unknown) => void,
    private readonly maxSources = 10_000,
    flushEveryMs = 5_000,
  ) {
    this.timer = setInterval(() => {
      void this.flush(Date.now());
    }, flushEveryMs);
    this.timer.unref();
  }

  record(ip: string, reason: string, now = Date.now()): void {
    const minute = Math.floor(now / MINUTE);
    const source = this.tallies.has(ip) || this.tallies.size < this.maxSources ? ip : "*";
    let tally = this.tallies.get(source);
    if (tally !== undefined && tally.minute !== minute) {
      this.write(source, tally);
      tally = undefined;
    }
    if (tally === undefined) {
      tally = { minute, count: 0, reasons: {} };
      this.tallies.set(source, tally);
    }
    tally.count += 1;
    tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
  }

  /** Writes the minutes that are over (all of them with `now` = Infinity). */
  flush(now: number): Promise<void> {
    const minute = Math.floor(now / MINUTE);
    for (const [source, tally] of this.tallies) if (tally.minute < minute) this.write(source, tally);
    return this.writing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush(Infinity);
  }

  private write(source: string, tally: Tally): void {
    this.tallies.delete(source);
    const from = new Date(tally.minute * MINUTE).toISOString();
    this.writing = this.writing
      .then(() =>
        audit(this.db, {
          actor_id: null,
          client_app: null,
          ip: source,
          mutation_id: null,
          table_name: null,
          row_id: null,
          rep_id: null,
          version: null,
          result: "unauthenticated",
          fields: JSON.stringify({ count: tally.count, minute: from }),
          reason: JSON.stringify(tally.reasons).slice(0, 1000),
        }),
      )
      .then(
        () => undefined,
        (error: unknown) => {
          this.onError(error);
        },
      );
  }
}
