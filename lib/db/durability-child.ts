/**
 * Child process of durability.int.test.ts: opens the embedded database in argv[2], runs one faucet action,
 * prints ACK once it is acknowledged, then waits to be killed.
 */
import { openDatabase } from './open';
import { Engine } from '@/lib/engine/engine';
import { EngineClock } from '@/lib/engine/clock';
import { ManualOracle } from '@/lib/oracle/manual-oracle';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: durability-child <dataDir>');
  const db = await openDatabase({ dataDir: dir });
  const clock = new EngineClock();
  const engine = new Engine({ db, oracle: new ManualOracle(), clock, config: { devnet: true, maxPriceAgeS: 30 } });
  await engine.init();
  await engine.execute({ owner: 'durable', nonce: 'n1', action: 'faucet', params: { token: 'USDC', amount: 1_234_567n } });
  process.stdout.write('ACK\n');
  setInterval(() => undefined, 1_000);
}

void main();
