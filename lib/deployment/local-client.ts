/** A ChainClient over the in-process LocalChain (no HTTP): the local first start deploys through it. */
import type { Address } from '@solana/kit';
import type { LocalChain } from '@/lib/validator';
import type { ChainClient } from './chain-client';

export function localChainClient(chain: LocalChain): ChainClient {
  return {
    latestBlockhash: () => Promise.resolve(chain.latestBlockhash()),
    minimumBalance: (len) => Promise.resolve(chain.minimumBalanceForRentExemption(len)),
    getAccount: (address: Address) => {
      const a = chain.getAccount(address);
      return Promise.resolve(a ? { owner: a.owner, lamports: a.lamports, data: a.data } : null);
    },
    simulate(wire) {
      const r = chain.simulateTransaction(wire, { sigVerify: false });
      return Promise.resolve({ err: r.err, logs: [...r.logs], unitsConsumed: r.unitsConsumed, returnData: r.returnData ? r.returnData.data : null });
    },
    async send(wire) {
      const result = await chain.sendTransaction(wire);
      if (result.err) throw new Error(`transaction ${result.signature} failed: ${JSON.stringify(result.err)}`);
    },
  };
}
