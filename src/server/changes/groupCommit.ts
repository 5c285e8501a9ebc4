/**
 * Group commit on SQLite. WAL with synchronous=FULL makes every commit an fsync (0.2–2 ms on this
 * kind of disk), taken on the event loop by better-sqlite3: one per push bounded the mixed load.
 * Pushes that arrive in the same turn of the event loop now run one after the other in ONE
 * transaction, each inside its own savepoint (a failing push is rolled back alone and fails alone),
 * and are all answered after the single commit, so nothing is acknowledged before it is durable.
 * The batch is the only writer while it runs: sequence order is still commit order.
 *
 * Batches are bounded by rows as well as by pushes, and large pushes run alone: four reps pushing
 * 5,000 contacts each would otherwise share one long transaction that everyone else waits behind.
 * Small pushes go first, but a large push waits for at most one batch of small ones (no starvation):
 * a one-row push waits for at most one large push.
 *
 * On PostgreSQL every push takes the sequence row's lock until commit anyway: sharing the
 * transaction also shares that lock, the commit's WAL flush and the round trips of the sequence.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../db/schema";
import { lockSequence } from "./sequence";

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Job {
  work: (trx: Transaction<DB>) => Promise<unknown>;
  settle: (outcome: Outcome) => void;
  /** Rows the job writes (a push's mutations). */
  size: number;
}

/** Pushes per transaction at most. */
export const GROUP_COMMIT_MAX = 32;
/** Rows per transaction at most, unless one push alone is larger (it then runs alone). */
export const GROUP_COMMIT_ROWS = 1000;

export class GroupCommit {
  private readonly small: Job[] = [];
  private readonly large: Job[] = [];
  private scheduled = false;
  private lastWasSmall = false;

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(work: (trx: Transaction<DB>) => Promise<T>, size = 1): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        work,
        size,
        settle: (o) => {
          if (o.ok) resolve(o.value as T);
          // An error from Node's own realm (a refused connection under Jest) is not `instanceof
          // Error` here: wrapped, it keeps its code through `cause`, which says the database is
          // unavailable (503 and retry, not 500).
          else reject(o.error instanceof Error ? o.error : new Error(String(o.error), { cause: o.error }));
        },
      };
      (size > GROUP_COMMIT_ROWS / 4 ? this.large : this.small).push(job);
      this.schedule();
    });
  }

  /** The next batch: small jobs up to the bounds, or one large job alone (every other batch at least). */
  private next(): Job[] {
    const largeTurn = this.large.length > 0 && (this.small.length === 0 || this.lastWasSmall);
    if (largeTurn) {
      this.lastWasSmall = false;
      return this.large.splice(0, 1);
    }
    let rows = 0;
    let n = 0;
    while (
      n < this.small.length &&
      n < GROUP_COMMIT_MAX &&
      rows + (this.small[n]?.size ?? 0) <= GROUP_COMMIT_ROWS
    ) {
      rows += this.small[n]?.size ?? 0;
      n += 1;
    }
    this.lastWasSmall = true;
    return this.small.splice(0, Math.max(n, 1));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn: the requests already read join the batch.
    setImmediate(() => {
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const jobs = this.next();
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        // The sequence lock is the batch's, taken before any savepoint: on PostgreSQL a row lock
        // taken inside a savepoint would go with a push rolled back to it.
        await lockSequence(trx);
        // A job alone needs no savepoint: its failure rolls the transaction back.
        const [only] = jobs;
        if (jobs.length === 1) outcomes.push(await alone(trx, only.work));
        else for (const job of jobs) outcomes.push(await inSavepoint(trx, job.work));
      });
      jobs.forEach((job, i) => {
        job.settle(outcomes[i] ?? { ok: false, error: new Error("push not run") });
      });
    } catch (error: unknown) {
      // The commit (or a rollback) failed: nothing of the batch is durable, every push fails.
      for (const job of jobs) job.settle({ ok: false, error });
    } finally {
      this.scheduled = false;
      if (this.small.length + this.large.length > 0) this.schedule();
    }
  }
}

/** A job alone in its transaction: when it fails, the transaction is rolled back with it. */
async function alone(trx: Transaction<DB>, work: Job["work"]): Promise<Outcome> {
  const value = await work(trx);
  return { ok: true, value };
}

async function inSavepoint(trx: Transaction<DB>, work: Job["work"]): Promise<Outcome> {
  await sql`savepoint push`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release savepoint push`.execute(trx);
    return { ok: true, value };
  } catch (error: unknown) {
    await sql`rollback to savepoint push`.execute(trx);
    await sql`release savepoint push`.execute(trx);
    return { ok: false, error };
  }
}
