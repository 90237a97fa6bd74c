import type { PoolId } from '@/lib/math/ids';
import type { CustodyRow, SideAggregateRow } from './store/rows';

/** What one committed transaction wrote of the cached state (TxContext.flush). */
export interface CommittedPoolState {
  custodies: readonly CustodyRow[];
  supplies: readonly { pool: PoolId; supply: bigint }[];
  aggregates: readonly SideAggregateRow[];
}

const copyCustody = (row: CustodyRow): CustodyRow => ({ ...row });
const copyAggregate = (row: SideAggregateRow): SideAggregateRow => ({ ...row });

/**
 * PGlite only: the pools' LP supplies, custodies and §8 side aggregates as last committed, so an action does not
 * read them again (two of its statements). Sound because on PGlite this process is the database's only writer
 * (one connection, one process per data folder) and the engine runs its transactions one at a time
 * (`Engine.exclusive`): entries come from reads inside an engine transaction (which see committed state: these
 * tables are written only by the final `flush`), and a transaction's writes are applied after its commit, before
 * the next transaction starts. A rolled-back transaction applies nothing. PostgreSQL never uses it (several
 * instances share the database). Anything that writes these tables outside the engine (a seeding script) must
 * call `clear()`. Every getter returns copies: transactions mutate their rows.
 */
export class PoolStateCache {
  private readonly pools = new Map<PoolId, { supply: bigint; custodies: CustodyRow[] }>();
  private aggregateRows: SideAggregateRow[] | undefined;

  pool(pool: PoolId): { supply: bigint; custodies: CustodyRow[] } | undefined {
    const entry = this.pools.get(pool);
    return entry && { supply: entry.supply, custodies: entry.custodies.map(copyCustody) };
  }

  setPool(pool: PoolId, supply: bigint, custodies: readonly CustodyRow[]): void {
    this.pools.set(pool, { supply, custodies: custodies.map(copyCustody) });
  }

  aggregates(): SideAggregateRow[] | undefined {
    return this.aggregateRows?.map(copyAggregate);
  }

  setAggregates(rows: readonly SideAggregateRow[]): void {
    this.aggregateRows = rows.map(copyAggregate);
  }

  /** Applies a committed transaction's writes to the entries held (others are read on first use). */
  apply(written: CommittedPoolState): void {
    for (const { pool, supply } of written.supplies) {
      const entry = this.pools.get(pool);
      if (entry) entry.supply = supply;
    }
    for (const row of written.custodies) {
      const entry = this.pools.get(row.pool);
      if (!entry) continue;
      const i = entry.custodies.findIndex((c) => c.token === row.token);
      if (i >= 0) entry.custodies[i] = copyCustody(row);
      else this.pools.delete(row.pool);
    }
    for (const row of written.aggregates) {
      const i = this.aggregateRows?.findIndex((a) => a.market === row.market && a.side === row.side) ?? -1;
      if (this.aggregateRows && i >= 0) this.aggregateRows[i] = copyAggregate(row);
      else this.aggregateRows = undefined;
    }
  }

  clear(): void {
    this.pools.clear();
    this.aggregateRows = undefined;
  }
}
