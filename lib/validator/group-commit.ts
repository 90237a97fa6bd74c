import { CommitFailedError } from './errors';

interface Waiter<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export interface GroupCommitHooks<T> {
  /** Persists the items (in order) and the chain state in one database transaction. */
  write(items: readonly T[]): Promise<void>;
  /** After a successful write, before the callers resume. */
  committed(items: readonly T[]): void;
  /**
   * After a failed write: every item of the batch and every item queued behind it (they executed on top of it) is
   * refused; this must restore the chain from the store (the callers are answered before it finishes).
   */
  failed(error: unknown): Promise<void>;
}

/**
 * Group commit: the first item starts a write at once (after one turn of the event loop, so a burst of requests
 * already read from sockets joins it); items arriving while a write is in flight wait and go together in the next
 * one, in arrival order. Each caller resolves only when the write holding its item committed.
 */
export class GroupCommitter<T> {
  private queue: Waiter<T>[] = [];
  private stateDirty = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly hooks: GroupCommitHooks<T>,
    private readonly maxBatch = 1000,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.kick();
    });
  }

  /** Asks for a write of the chain state alone (a new slot) if nothing else carries it soon. */
  requestStateWrite(): void {
    this.stateDirty = true;
    this.kick();
  }

  /** Resolves when nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private kick(): void {
    if (this.running !== null) return;
    this.running = this.run().finally(() => {
      this.running = null;
    });
  }

  private async run(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0 || this.stateDirty) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.stateDirty = false;
      const items = batch.map((w) => w.item);
      try {
        await this.hooks.write(items);
      } catch (error) {
        const refused = [...batch, ...this.queue.splice(0)];
        const reload = this.hooks.failed(error);
        for (const w of refused) w.reject(new CommitFailedError(error));
        await reload;
        continue;
      }
      this.hooks.committed(items);
      for (const w of batch) w.resolve();
    }
  }
}
