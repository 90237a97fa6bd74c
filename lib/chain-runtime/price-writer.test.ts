import { generateKeyPairSigner, type Address } from '@solana/kit';
import { describe, expect, it } from 'vitest';
import { deriveAddresses } from '@/lib/chain/addresses';
import type { ChainClient } from '@/lib/deployment/chain-client';
import { TOKEN_IDS } from '@/lib/math/ids';
import { ManualOracle } from '@/lib/oracle/manual-oracle';
import { PriceWriter } from './price-writer';

const SYSTEM = '11111111111111111111111111111111' as Address;

/** A chain whose blockhash never moves and which refuses a repeated signature, as agave's status cache does. */
function duplicateRefusingChain() {
  const seen = new Set<string>();
  const sent: string[] = [];
  const client: ChainClient = {
    latestBlockhash: () => Promise.resolve({ blockhash: '4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi', lastValidBlockHeight: 150n }),
    minimumBalance: () => Promise.resolve(0n),
    getAccount: () => Promise.resolve(null),
    simulate: () => Promise.reject(new Error('unused')),
    send: (_wire, signature) => {
      if (seen.has(signature)) return Promise.reject(new Error('Transaction simulation failed: This transaction has already been processed'));
      seen.add(signature);
      sent.push(signature);
      return Promise.resolve();
    },
  };
  return { client, sent };
}

describe('PriceWriter', () => {
  it('writes A→B→A inside one blockhash: the repeated update is signed again instead of being lost as a duplicate', async () => {
    const { client, sent } = duplicateRefusingChain();
    let blockhashCalls = 0;
    const counting: ChainClient = { ...client, latestBlockhash: () => (blockhashCalls++ < 3 ? client.latestBlockhash() : Promise.resolve({ blockhash: 'GHtXQBsoZHVnNFa9YevAzFr17DJjgHXk3ycTKD5xD3Zi', lastValidBlockHeight: 151n })) };
    const mints = Object.fromEntries(TOKEN_IDS.map((t) => [t, SYSTEM])) as Parameters<typeof deriveAddresses>[1];
    const errors: unknown[] = [];
    const writer = new PriceWriter({
      oracle: new ManualOracle(),
      client: counting,
      addresses: await deriveAddresses(SYSTEM, mints),
      authority: await generateKeyPairSigner(),
      nowS: () => 1_000,
      onError: (e) => errors.push(e),
    });
    const at = (price: bigint) => [{ feed: 'SOL' as const, price, publishTime: 1_000 }];
    await writer.writeNow(at(1_550n));
    await writer.writeNow(at(1_500n));
    await writer.writeNow(at(1_550n));
    expect(errors).toEqual([]);
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(3);
  });
});
