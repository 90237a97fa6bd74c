/**
 * One keeper leader per database (chain.md: several app instances on one PostgreSQL, one keeper): the holder of a
 * PostgreSQL session advisory lock leads; the others retry every `retryMs` and take over when its connection dies
 * (the lock goes with it). The leader checks its lock's connection on the same period and steps down when it is
 * lost. PGlite has no session locks: one process owns the database, it always leads.
 */
import type { Database, SessionLock } from '@/lib/db/types';

/**
 * The chain keeper's lock. Taken: lib/db 7_346_001–004, the local chain 7_346_010, the indexer 7_346_011
 * (lib/indexer/leader.ts), the price writer 7_346_012 (lib/server/chain.ts).
 */
export const CHAIN_KEEPER_LOCK_KEY = 7_346_013;

export interface LeadershipOptions {
  key?: number;
  retryMs?: number;
  log?: (message: string) => void;
}

export class Leadership {
  private lock: SessionLock | undefined;
  private leading = false;
  private stopped = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private readonly key: number;
  private readonly retryMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly db: Database,
    private readonly hooks: { lead: () => Promise<void>; step: () => void },
    o: LeadershipOptions = {},
  ) {
    this.key = o.key ?? CHAIN_KEEPER_LOCK_KEY;
    this.retryMs = o.retryMs ?? 5_000;
    this.log = o.log ?? (() => undefined);
  }

  get isLeader(): boolean {
    return this.leading;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.attempt();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.stepDown();
    const lock = this.lock;
    this.lock = undefined;
    await lock?.release();
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    const acquire = this.db.acquireSessionLock?.bind(this.db);
    if (!acquire) {
      await this.lead();
      return;
    }
    let lock: SessionLock | undefined;
    try {
      lock = await acquire(this.key);
    } catch (e) {
      this.log(`lock attempt failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (this.stopped) {
      await lock?.release();
      return;
    }
    if (!lock) {
      this.retry();
      return;
    }
    this.lock = lock;
    void lock.lost.then(() => {
      if (this.lock !== lock) return;
      this.log('keeper lock lost; stepping down');
      this.lock = undefined;
      this.stepDown();
      void lock.release();
      this.retry();
    });
    this.heartbeat = setInterval(() => void lock.check(), this.retryMs);
    this.heartbeat.unref?.();
    await this.lead();
  }

  private async lead(): Promise<void> {
    this.leading = true;
    try {
      await this.hooks.lead();
    } catch (e) {
      this.log(`starting to lead failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private stepDown(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    if (!this.leading) return;
    this.leading = false;
    this.hooks.step();
  }

  private retry(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.attempt(), this.retryMs);
    this.timer.unref?.();
  }
}
