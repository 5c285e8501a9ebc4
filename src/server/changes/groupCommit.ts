/**
 * Group commit on SQLite. WAL with synchronous=FULL makes every commit an fsync (0.2–2 ms on this
 * kind of disk), taken on the event loop by better-sqlite3: one per push bounded the mixed load.
 * Pushes that arrive in the same turn of the event loop now run one after the other in ONE
 * transaction, each inside its own savepoint (a failing push is rolled back alone and fails alone),
 * and are all answered after the single commit, so nothing is acknowledged before it is durable.
 * The batch is the only writer while it runs: sequence order is still commit order.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../db/schema";

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Job {
  work: (trx: Transaction<DB>) => Promise<unknown>;
  settle: (outcome: Outcome) => void;
}

/** Pushes per transaction at most (a batch of large pushes must not hold the database for long). */
export const GROUP_COMMIT_MAX = 32;

export class GroupCommit {
  private readonly queue: Job[] = [];
  private scheduled = false;

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        work,
        settle: (o) => {
          if (o.ok) resolve(o.value as T);
          else reject(o.error instanceof Error ? o.error : new Error(String(o.error)));
        },
      });
      this.schedule();
    });
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
    const jobs = this.queue.splice(0, GROUP_COMMIT_MAX);
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const job of jobs) outcomes.push(await inSavepoint(trx, job.work));
      });
      jobs.forEach((job, i) => {
        job.settle(outcomes[i] ?? { ok: false, error: new Error("push not run") });
      });
    } catch (error: unknown) {
      // The commit (or a rollback) failed: nothing of the batch is durable, every push fails.
      for (const job of jobs) job.settle({ ok: false, error });
    } finally {
      this.scheduled = false;
      if (this.queue.length > 0) this.schedule();
    }
  }
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
