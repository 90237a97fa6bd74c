/**
 * A bot that opens a position with a keypair (docs/api.md § Bots: sign with a keypair):
 *   npx tsx examples/bot-open-position.ts http://localhost:3000
 * The server builds the transaction, the bot signs it and sends it to the RPC that GET /api/chain names.
 */
import { Connection, Keypair, VersionedTransaction } from '@solana/web3.js';

const base = process.argv[2] ?? 'http://localhost:3000';

async function api<T>(path: string, body?: unknown): Promise<T> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(`${base}${path}`, init);
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${json.error.code}: ${json.error.message}`);
  return json as T;
}

async function main(): Promise<void> {
  const owner = Keypair.generate(); // a bot would load its own: Keypair.fromSecretKey(Uint8Array.from(json))
  const chain = await api<{ cluster: string; rpcUrl: string }>('/api/chain');
  if (chain.cluster === 'local') await api('/api/dev/faucet', { owner: owner.publicKey.toBase58() }); // USDC, SOL for fees
  const markets = await api<{ id: string; price: string }[]>('/api/markets');
  const price = BigInt(markets.find((m) => m.id === 'SOL')!.price);
  const built = await api<{ transaction: string; accounts: { position?: string } }>('/api/transactions/openPosition', {
    owner: owner.publicKey.toBase58(),
    params: { market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: '50000000', leverageBps: '20000', acceptablePrice: (price * 101n / 100n).toString() },
  });
  const tx = VersionedTransaction.deserialize(Buffer.from(built.transaction, 'base64'));
  tx.sign([owner]); // fee payer and only signer: the owner
  const connection = new Connection(chain.rpcUrl, 'confirmed');
  const signature = await connection.sendRawTransaction(tx.serialize()); // preflight on: a refusal throws with logs
  for (let i = 0; ; i++) { // confirm by polling (works under npm run dev too; npm start also serves PubSub)
    const { value: [status] } = await connection.getSignatureStatuses([signature]);
    if (status?.err) throw new Error(`${signature} failed: ${JSON.stringify(status.err)}`);
    if (status?.confirmationStatus === 'confirmed' || status?.confirmationStatus === 'finalized') break;
    if (i > 100) throw new Error(`${signature} not confirmed`);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(JSON.stringify({ signature, position: built.accounts.position, owner: owner.publicKey.toBase58() }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
