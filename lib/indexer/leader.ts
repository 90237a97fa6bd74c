/**
 * One indexer among instances (chain.md: "one indexer"): on PostgreSQL the holder of a session advisory lock leads,
 * the others retry every `retryMs` and take over when the leader's connection dies; on PGlite (one process owns
 * the database) this one always leads.
 */
import type { Database, SessionLock } from '@/lib/db/types';
import { hashSeed } from '@/lib/oracle/prng';

/** Next to lib/db's 7_346_00x keys and the local chain's 7_346_010. */
export const INDEXER_LOCK_KEY = 7_346_011;

/** A handle bound to a schema (tests: one per file) gets its own key: advisory locks are per database. */
export function indexerLockKey(db: object): number {
  const schema = (db as { schemaName?: unknown }).schemaName;
  return typeof schema === 'string' ? INDEXER_LOCK_KEY * 1_000_000_000 + (hashSeed(schema) % 1_000_000_000) : INDEXER_LOCK_KEY;
}

export interface LeadershipOptions {
  retryMs: number;
  /** Called when this instance becomes the leader. */
  lead(): Promise<void>;
  /** Called when it stops being the leader (lock lost); not on `stop`. */
  depose(): Promise<void>;
  log(message: string): void;
}

export interface Leadership {
  leading(): boolean;
  stop(): Promise<void>;
}

export function startLeadership(db: Pick<Database, 'acquireSessionLock'>, o: LeadershipOptions): Leadership {
  let lock: SessionLock | undefined;
  let leading = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const acquire = db.acquireSessionLock?.bind(db);

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void attempt(), o.retryMs);
    timer.unref?.();
  };

  const becomeLeader = async () => {
    leading = true;
    await o.lead().catch((e: unknown) => o.log(`start failed: ${e instanceof Error ? e.message : String(e)}`));
  };

  const attempt = async (): Promise<void> => {
    if (stopped) return;
    if (!acquire) return becomeLeader();
    try {
      lock = await acquire(indexerLockKey(db));
    } catch (e) {
      o.log(`lease attempt failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (stopped) {
      await lock?.release();
      return;
    }
    if (!lock) return schedule();
    const held = lock;
    heartbeat = setInterval(() => void held.check(), o.retryMs);
    heartbeat.unref?.();
    void held.lost.then(async () => {
      if (lock !== held || stopped) return;
      clearInterval(heartbeat);
      lock = undefined;
      leading = false;
      o.log('lost the indexer lease; following');
      await o.depose().catch(() => undefined);
      await held.release();
      schedule();
    });
    await becomeLeader();
  };

  void attempt();
  return {
    leading: () => leading,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      leading = false;
      const held = lock;
      lock = undefined;
      await held?.release();
    },
  };
}
