import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSigner, getAddressDecoder, type Address, type KeyPairSigner } from '@solana/kit';
import { randomBytes } from 'node:crypto';
import { TOKEN_IDS, type MarketId, type Side, type TokenId } from '@/lib/math/ids';
import { deriveAddresses, type ChainAddresses } from '@/lib/chain/addresses';
import { signWire, type ChainClient } from '@/lib/deployment/chain-client';
import { Batcher, MAX_TRANSACTION_BYTES, transactionSize, type ReceiverMode } from './batcher';
import type { Settlement } from './planner';

const randomAddress = (): Address => getAddressDecoder().decode(randomBytes(32));

const client: ChainClient = {
  latestBlockhash: () => Promise.resolve({ blockhash: randomAddress(), lastValidBlockHeight: 1000n }),
  minimumBalance: () => Promise.resolve(2_039_280n),
  getAccount: () => Promise.resolve(null),
  send: () => Promise.reject(new Error('not here')),
  simulate: () => Promise.reject(new Error('not here')),
};

describe('Batcher', () => {
  let addresses: ChainAddresses;
  let keeper: KeyPairSigner;
  let batcher: Batcher;
  beforeAll(async () => {
    const mints = Object.fromEntries(TOKEN_IDS.map((t) => [t, randomAddress()])) as Record<TokenId, Address>;
    addresses = await deriveAddresses(randomAddress(), mints);
    keeper = await generateKeyPairSigner();
    batcher = new Batcher({ addresses, keeper, client });
  });

  const settlement = (kind: Settlement['kind'], market: MarketId = 'SOL', side: Side = 'short', postedToken?: TokenId): Settlement => ({
    kind,
    address: randomAddress(),
    owner: randomAddress(),
    market,
    side,
    price: 1n,
    ...(postedToken ? { postedToken } : {}),
  });

  it('computes the exact wire size of what it packs', async () => {
    const cases: [Settlement, ReceiverMode | undefined][] = [
      [settlement('liquidation'), 'ata'],
      [settlement('takeProfit', 'BTC', 'long'), 'createAta'],
      [settlement('stopLoss', 'XAU', 'long'), 'fresh'],
      [settlement('fill', 'SOL', 'long', 'USDC'), undefined],
      [settlement('fill', 'BONK', 'short'), undefined],
    ];
    const prepared = await Promise.all(cases.map(([s, mode]) => batcher.prepare(s, mode)));
    for (let n = 1; n <= prepared.length; n++) {
      const built = batcher.build(prepared.slice(0, n));
      const { wire } = await signWire(client, built.instructions, built.signers);
      expect(transactionSize(built.instructions, keeper.address)).toBe(wire.length);
    }
  });

  it('packs liquidations 7 to a transaction, 5 when each creates its receiver, every one under 1,232 bytes', async () => {
    for (const [mode, full] of [['ata', 7], ['createAta', 5]] as const) {
      const prepared = await Promise.all(Array.from({ length: 20 }, () => batcher.prepare(settlement('liquidation'), mode)));
      const batches = batcher.pack(prepared);
      expect(batches.flat()).toEqual(prepared);
      expect(batches[0]).toHaveLength(full);
      for (const b of batches) {
        const built = batcher.build(b);
        const { wire } = await signWire(client, built.instructions, built.signers);
        expect(wire.length).toBeLessThanOrEqual(MAX_TRANSACTION_BYTES);
        // The compute limit asked is the budgets' sum, under the transaction limit.
        const limit = new DataView(built.instructions[0]!.data!.buffer).getUint32(1, true);
        expect(limit).toBe(500 + b.reduce((s, p) => s + p.cu, 0));
      }
    }
  });

  it('looks the receiver up: a missing ATA is created in the same transaction', async () => {
    const p = await batcher.prepare(settlement('liquidation'));
    expect(p.receiverMode).toBe('createAta');
    expect(p.instructions).toHaveLength(2);
  });
});
