import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TriggerBook, triggerOwner, type TriggerEntry, type TriggerKind } from './trigger-book';

const price = (usd: number) => BigInt(Math.round(usd * 100)) * 100_000_000n;

function pos(id: string, kind: Exclude<TriggerKind, 'order'>, usd: number, direction: 'below' | 'above'): TriggerEntry {
  const suffix = { liquidation: 'liq', takeProfit: 'tp', stopLoss: 'sl' }[kind];
  return { key: `p:${id}:${suffix}`, id, kind, trigger: price(usd), direction };
}
function order(id: string, usd: number, direction: 'below' | 'above'): TriggerEntry {
  return { key: `o:${id}`, id, kind: 'order', trigger: price(usd), direction };
}
const keys = (entries: readonly TriggerEntry[]) => entries.map((e) => e.key);

describe('TriggerBook crossing queries', () => {
  const book = new TriggerBook();
  book.load([
    pos('1', 'liquidation', 135, 'below'), // long liquidation
    pos('2', 'liquidation', 170, 'above'), // short liquidation
    pos('1', 'takeProfit', 160, 'above'), // long TP
    pos('1', 'stopLoss', 140, 'below'), // long SL
    pos('3', 'takeProfit', 120, 'below'), // short TP
    pos('2', 'stopLoss', 165, 'above'), // short SL
    order('7', 145, 'below'), // long limit
    order('8', 155, 'above'), // short limit
  ]);

  it.each([
    [150, []],
    [145, ['o:7']],
    [140, ['p:1:sl', 'o:7']],
    [135, ['p:1:liq', 'p:1:sl', 'o:7']],
    [120, ['p:1:liq', 'p:1:sl', 'p:3:tp', 'o:7']],
    [155, ['o:8']],
    [160, ['p:1:tp', 'o:8']],
    [165, ['p:2:sl', 'p:1:tp', 'o:8']],
    [170, ['p:2:liq', 'p:2:sl', 'p:1:tp', 'o:8']],
    [1000, ['p:2:liq', 'p:2:sl', 'p:1:tp', 'o:8']],
  ])('at %s USD crosses %j (inclusive, liquidations, then SL, TP, orders)', (usd, expected) => {
    expect(keys(book.crossed(price(usd)))).toEqual(expected);
  });
});

describe('TriggerBook changes', () => {
  it('breaks trigger ties by key, on both sides', () => {
    const book = new TriggerBook();
    for (const id of ['b', 'c', 'a']) book.set(pos(id, 'liquidation', 100, 'below'));
    for (const id of ['z', 'x', 'y']) book.set(pos(id, 'liquidation', 200, 'above'));
    book.set(pos('d', 'liquidation', 101, 'below'));
    expect(keys(book.crossed(price(100)))).toEqual(['p:d:liq', 'p:a:liq', 'p:b:liq', 'p:c:liq']);
    expect(keys(book.crossed(price(200)))).toEqual(['p:x:liq', 'p:y:liq', 'p:z:liq']);
  });

  it('updates in place: a moved trigger moves its entry, a changed direction changes side', () => {
    const book = new TriggerBook();
    book.set(pos('1', 'liquidation', 100, 'below'));
    book.set(pos('2', 'liquidation', 90, 'below'));
    expect(keys(book.crossed(price(95)))).toEqual(['p:1:liq']);
    book.set(pos('1', 'liquidation', 80, 'below'));
    book.set(pos('2', 'liquidation', 96, 'below'));
    expect(keys(book.crossed(price(95)))).toEqual(['p:2:liq']);
    expect(book.size).toBe(2);
    book.set(order('3', 90, 'below'));
    book.set(order('3', 90, 'above'));
    expect(keys(book.crossed(price(85)))).toEqual(['p:2:liq']);
    expect(keys(book.crossed(price(95)))).toEqual(['p:2:liq', 'o:3']);
    const same = order('3', 90, 'above');
    book.set(same);
    expect(book.crossed(price(95))[1]).toBe(same);
    expect(book.size).toBe(3);
  });

  it('deletes by key, by owner, and by prefix; setOwner drops the keys it no longer lists', () => {
    const book = new TriggerBook();
    book.setOwner('p:1', [pos('1', 'liquidation', 100, 'below'), pos('1', 'stopLoss', 110, 'below'), pos('1', 'takeProfit', 150, 'above')]);
    book.setOwner('p:11', [pos('11', 'liquidation', 105, 'below')]);
    book.set(order('1', 120, 'below'));
    expect(keys(book.crossed(price(100)))).toEqual(['p:11:liq', 'p:1:liq', 'p:1:sl', 'o:1']);
    book.setOwner('p:1', [pos('1', 'liquidation', 101, 'below')]);
    expect(keys(book.crossed(price(100)))).toEqual(['p:11:liq', 'p:1:liq', 'o:1']);
    expect(book.crossed(price(150))).toEqual([]);
    book.deleteOwner('p:1');
    expect(keys(book.crossed(price(100)))).toEqual(['p:11:liq', 'o:1']);
    book.delete('o:1');
    book.delete('o:unknown');
    book.deleteOwner('p:unknown');
    expect(keys(book.crossed(price(100)))).toEqual(['p:11:liq']);
    book.set(order('2', 120, 'below'));
    book.deletePrefix('p:');
    expect(keys(book.crossed(price(100)))).toEqual(['o:2']);
    expect(book.size).toBe(1);
    book.clear();
    expect(book.size).toBe(0);
    expect(book.crossed(price(100))).toEqual([]);
  });

  it('load replaces the whole book and keeps the last entry of a repeated key', () => {
    const book = new TriggerBook();
    book.set(order('9', 100, 'below'));
    book.load([order('1', 100, 'below'), order('1', 90, 'below'), order('2', 95, 'below')]);
    expect(keys(book.crossed(price(90)))).toEqual(['o:2', 'o:1']);
    expect(book.size).toBe(2);
    book.deleteOwner('o:1');
    expect(keys(book.crossed(price(90)))).toEqual(['o:2']);
  });
});

// ——— property: the book against a naive array model ———

const RANK: Record<TriggerKind, number> = { liquidation: 0, stopLoss: 1, takeProfit: 2, order: 3 };

function naiveCrossed(model: Map<string, TriggerEntry>, at: bigint): string[] {
  const all = [...model.values()];
  const byKey = (a: TriggerEntry, b: TriggerEntry) => (a.key < b.key ? -1 : 1);
  const below = all.filter((e) => e.direction === 'below' && e.trigger >= at).sort((a, b) => (a.trigger === b.trigger ? byKey(a, b) : a.trigger > b.trigger ? -1 : 1));
  const above = all.filter((e) => e.direction === 'above' && e.trigger <= at).sort((a, b) => (a.trigger === b.trigger ? byKey(a, b) : a.trigger < b.trigger ? -1 : 1));
  return [...below, ...above].sort((a, b) => RANK[a.kind] - RANK[b.kind]).map((e) => e.key);
}

const idArb = fc.constantFrom('1', '2', '3', '4', '5', '12');
const triggerArb = fc.bigInt({ min: 0n, max: 12n });
const entryArb = fc
  .record({ id: idArb, kind: fc.constantFrom<TriggerKind>('liquidation', 'takeProfit', 'stopLoss', 'order'), trigger: triggerArb, direction: fc.constantFrom<'below' | 'above'>('below', 'above') })
  .map((e): TriggerEntry => ({ ...e, key: e.kind === 'order' ? `o:${e.id}` : `p:${e.id}:${e.kind}` }));
const opArb = fc.oneof(
  fc.record({ op: fc.constant('set' as const), entry: entryArb }),
  fc.record({ op: fc.constant('delete' as const), entry: entryArb }),
  fc.record({ op: fc.constant('deleteOwner' as const), entry: entryArb }),
  fc.record({ op: fc.constant('setOwner' as const), entries: fc.array(entryArb, { maxLength: 3 }) }),
  fc.record({ op: fc.constant('load' as const), entries: fc.array(entryArb, { maxLength: 12 }) }),
  fc.record({ op: fc.constant('crossed' as const), at: triggerArb }),
);

describe('TriggerBook property', () => {
  it('answers every crossing query like a naive filter-and-sort over the same operations', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const book = new TriggerBook();
        const model = new Map<string, TriggerEntry>();
        for (const o of ops) {
          if (o.op === 'set') {
            book.set(o.entry);
            model.set(o.entry.key, o.entry);
          } else if (o.op === 'delete') {
            book.delete(o.entry.key);
            model.delete(o.entry.key);
          } else if (o.op === 'deleteOwner') {
            const owner = triggerOwner(o.entry);
            book.deleteOwner(owner);
            for (const [k, e] of model) if (triggerOwner(e) === owner) model.delete(k);
          } else if (o.op === 'setOwner') {
            const first = o.entries[0];
            if (!first) continue;
            const owner = triggerOwner(first);
            const mine = o.entries.filter((e) => triggerOwner(e) === owner);
            book.setOwner(owner, mine);
            for (const [k, e] of model) if (triggerOwner(e) === owner) model.delete(k);
            for (const e of mine) model.set(e.key, e);
          } else if (o.op === 'load') {
            book.load(o.entries);
            model.clear();
            for (const e of o.entries) model.set(e.key, e);
          } else {
            expect(keys(book.crossed(o.at))).toEqual(naiveCrossed(model, o.at));
          }
          expect(book.size).toBe(model.size);
        }
        for (let at = -1n; at <= 13n; at++) expect(keys(book.crossed(at))).toEqual(naiveCrossed(model, at));
      }),
      { numRuns: 400 },
    );
  });
});
