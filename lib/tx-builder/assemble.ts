/**
 * One v0 transaction per action (api.md § Acting: transactions): SetComputeUnitLimit sized from a simulation
 * (units × 1.2, rounded up; no priority fee on the local chain), the idempotent creation of the owner's
 * associated token accounts the action receives into (and of a funding account that does not exist yet, so the
 * program answers INSUFFICIENT_BALANCE rather than a missing account), the wrapping of native SOL when the action
 * posts SOL, then the program's instruction. Fee payer = owner, a recent blockhash, no signatures. It is simulated
 * before it is answered: a refusal answers the program's code with a sentence from lib/math (errors.ts).
 */
import {
  appendTransactionMessageInstructions,
  compileTransaction,
  createTransactionMessage,
  getBase64EncodedWireTransaction,
  getTransactionEncoder,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
  type Address,
  type Blockhash,
  type Instruction,
} from '@solana/kit';
import { describeFixed } from '@/lib/math/describe';
import type { ProgramErrorCode } from '@/lib/chain/errors';
import { decodeTokenAccount } from '@/lib/chain/accounts';
import { associatedTokenAddress } from '@/lib/chain/pda';
import { NATIVE_MINT, SYSTEM_PROGRAM } from '@/lib/chain/program-ids';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import type { ChainSnapshot } from '@/lib/chain-runtime/snapshot';
import { HttpError } from '@/lib/http/errors';
import { createAtaIdempotentInstruction, MAX_COMPUTE_UNITS, setComputeUnitLimitInstruction } from './instructions';
import { insufficientSol, simulationRefusal } from './errors';
import { planWrap } from './wrap-sol';

/** Solana's fee per signature (lamports); the transaction has one signer, the owner. */
export const LAMPORTS_PER_SIGNATURE = 5_000n;
/** SPL Token account size (rent of an associated token account). */
const TOKEN_ACCOUNT_BYTES = 165n;
/** The largest wire transaction Solana accepts. */
const MAX_TRANSACTION_BYTES = 1232;
const DECIMALS_OF_SOL = 9;

/** An associated token account of the owner that the action uses. */
export interface TokenUse {
  mint: Address;
  /** For messages: "USDC", "ALP", … */
  symbol: string;
  decimals: number;
  /** `fund`: the action takes `amount` from it; `receive`: the action pays into it (created idempotently). */
  role: 'fund' | 'receive';
  amount?: bigint;
  /** "this collateral", "this deposit", … */
  what?: string;
}

/** What an action builder hands to `assemble`. */
export interface Draft {
  instruction: Instruction;
  tokens: TokenUse[];
  /** Sizes of the program accounts the instruction creates, their rent paid by the owner (position, order). */
  creates: bigint[];
  accounts: { position?: Address; order?: Address };
  /** The lib/math message of a refusal `code` from the state the simulation saw (undefined: none). */
  explain(code: ProgramErrorCode, s: ChainSnapshot): string | undefined;
}

export interface BuiltTransaction {
  /** Base64 of the wire transaction (signature slots zeroed). */
  transaction: string;
  accounts: { position?: Address; order?: Address };
  computeUnits: bigint;
  /** Lamports the fee payer pays (the signature fee). */
  fee: bigint;
}

interface Funding {
  use: TokenUse;
  address: Address;
  balance: bigint;
  exists: boolean;
}

async function readWallet(chain: ChainRuntime, owner: Address): Promise<bigint> {
  const account = await chain.client.getAccount(owner);
  if (!account) return 0n;
  if (account.owner !== SYSTEM_PROGRAM || account.data.length > 0) {
    throw new HttpError(400, 'INVALID_OWNER', 'owner: must be a wallet (a system account that can pay fees), not a program or data account.');
  }
  return account.lamports;
}

function compile(owner: Address, blockhash: { blockhash: string; lastValidBlockHeight: bigint }, instructions: readonly Instruction[]) {
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayer(owner, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: blockhash.blockhash as Blockhash, lastValidBlockHeight: blockhash.lastValidBlockHeight }, m),
    (m) => appendTransactionMessageInstructions(instructions, m),
  );
  const tx = compileTransaction(message);
  const wire = new Uint8Array(getTransactionEncoder().encode(tx));
  if (wire.length > MAX_TRANSACTION_BYTES) throw new Error(`transaction of ${wire.length} bytes, over Solana's ${MAX_TRANSACTION_BYTES}`);
  return { tx, wire };
}

function describeAmount(amount: bigint, decimals: number): string {
  return describeFixed(amount, decimals);
}

/** INSUFFICIENT_BALANCE in words, from what the funding account holds (and, for SOL, what could be wrapped). */
function balanceMessage(f: Funding, wrapped: bigint): string | undefined {
  const need = f.use.amount;
  if (need === undefined) return undefined;
  const have = f.balance + wrapped;
  const sol = f.use.mint === NATIVE_MINT;
  return `Not enough ${f.use.symbol} in your wallet for ${f.use.what ?? 'this'}: you have ${describeAmount(have, f.use.decimals)}${sol ? ' (wrapped and native, after the fee)' : ''}, this needs ${describeAmount(need, f.use.decimals)}.`;
}

export async function assemble(chain: ChainRuntime, owner: Address, draft: Draft): Promise<BuiltTransaction> {
  const lamports = await readWallet(chain, owner);
  const tokenRent = await chain.client.minimumBalance(TOKEN_ACCOUNT_BYTES);
  const pre: Instruction[] = [];
  let rent = 0n;
  const fundings: Funding[] = [];
  for (const use of draft.tokens) {
    const address = await associatedTokenAddress(owner, use.mint);
    const account = await chain.client.getAccount(address);
    const exists = account !== null && account.data.length === Number(TOKEN_ACCOUNT_BYTES);
    if (!exists) rent += tokenRent;
    if (use.role === 'receive' || !exists) pre.push(createAtaIdempotentInstruction({ payer: owner, ata: address, owner, mint: use.mint }));
    if (use.role === 'fund') fundings.push({ use, address, exists, balance: exists ? decodeTokenAccount(account.data).amount : 0n });
  }
  for (const bytes of draft.creates) rent += await chain.client.minimumBalance(bytes);
  const fee = LAMPORTS_PER_SIGNATURE;
  const required = fee + rent;
  const reserve = await chain.client.minimumBalance(0n);
  const left = lamports - required;
  if (left < 0n || (left > 0n && left < reserve)) {
    throw insufficientSol(
      `This wallet has ${describeAmount(lamports, DECIMALS_OF_SOL)} SOL; this transaction needs ${describeAmount(required, DECIMALS_OF_SOL)} SOL for its fee and the accounts it creates${left > 0n ? ', and the wallet must keep its rent-exempt reserve' : ''}. Get some SOL first (on the local network the faucet airdrops some).`,
    );
  }
  let wrapped = 0n;
  const wsol = fundings.find((f) => f.use.mint === NATIVE_MINT);
  if (wsol && wsol.use.amount !== undefined) {
    const wrap = planWrap({ owner, wsolAccount: wsol.address, amount: wsol.use.amount, wrapped: wsol.balance, spare: left - reserve });
    wrapped = wrap.lamports;
    pre.push(...wrap.instructions);
  }
  const programIndex = 1 + pre.length;
  const blockhash = await chain.client.latestBlockhash();
  const trial = compile(owner, blockhash, [setComputeUnitLimitInstruction(MAX_COMPUTE_UNITS), ...pre, draft.instruction]);
  const sim = await chain.client.simulate(trial.wire);
  if (sim.err !== null && sim.err !== undefined) {
    const s = chain.snapshot();
    throw simulationRefusal(sim, programIndex, (code) => {
      const explained = draft.explain(code, s);
      if (explained !== undefined || code !== 'INSUFFICIENT_BALANCE') return explained;
      const short = fundings.find((f) => f.use.amount !== undefined && f.balance + (f === wsol ? wrapped : 0n) < f.use.amount);
      return short ? balanceMessage(short, short === wsol ? wrapped : 0n) : undefined;
    });
  }
  const units = Math.min(MAX_COMPUTE_UNITS, Math.ceil((Number(sim.unitsConsumed) * 12) / 10));
  const final = compile(owner, blockhash, [setComputeUnitLimitInstruction(units), ...pre, draft.instruction]);
  return { transaction: getBase64EncodedWireTransaction(final.tx), accounts: draft.accounts, computeUnits: BigInt(units), fee };
}
