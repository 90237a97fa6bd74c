/**
 * From planned settlements to transactions: each settlement's instructions (with the owner's receiving token
 * account created in the same transaction, paid by the keeper, when it is missing), then several per transaction,
 * packed greedily under Solana's 1,232-byte packet and the 1.4M CU transaction limit, behind one
 * SetComputeUnitLimit. Measured on the local chain (lib/keeper/batcher.test.ts): a liquidation is 111 bytes and
 * ~13k CU, so 7 fit a transaction (size binds, not compute); with the receiver created, 5.
 */
import { AccountRole, generateKeyPairSigner, type Address, type Instruction, type TransactionSigner } from '@solana/kit';
import { getCreateAccountInstruction } from '@solana-program/system';
import { getCreateAssociatedTokenIdempotentInstruction, getInitializeAccount3Instruction } from '@solana-program/token';
import { lockToken } from '@/lib/math/params';
import type { ChainAddresses } from '@/lib/chain/addresses';
import { sideByte } from '@/lib/chain/accounts/position';
import { decodeTokenAccount } from '@/lib/chain/accounts/token';
import { executeTpSlInstruction, liquidateInstruction } from '@/lib/chain/instructions/keeper';
import { fillLimitOrderInstruction } from '@/lib/chain/instructions/orders';
import { opensWithSwap } from '@/lib/chain/instructions/trade';
import { associatedTokenAddress, positionAddress } from '@/lib/chain/pda';
import { COMPUTE_BUDGET_PROGRAM, TOKEN_PROGRAM } from '@/lib/chain/program-ids';
import type { ChainClient } from '@/lib/deployment/chain-client';
import type { Settlement } from './planner';

export const MAX_TRANSACTION_BYTES = 1232;
export const MAX_TRANSACTION_CU = 1_400_000;

/**
 * Compute budgeted per settlement, about twice what it measured on the local chain (liquidate 13.2k CU, with an
 * existing ATA's idempotent create 20.6k, with a fresh token account 13.6k, fill 26.0k, fill with the ALP swap
 * 48.1k); the transaction's limit is their sum. A batch that still runs out is retried at the 1.4M maximum.
 */
export const CU_BUDGET = {
  computeBudget: 500,
  settle: 30_000,
  createAta: 40_000,
  freshAccount: 15_000,
  fill: 60_000,
  fillWithSwap: 100_000,
} as const;

/**
 * Where a settlement pays the owner: their associated token account as it is, created first (idempotent: missing
 * or closed), or a fresh token account owned by them (the ATA address holds something the program refuses, e.g.
 * an account whose owner was reassigned; without it an owner could make their position unliquidatable).
 */
export type ReceiverMode = 'ata' | 'createAta' | 'fresh';

export interface PreparedSettlement {
  settlement: Settlement;
  instructions: Instruction[];
  /** Signers besides the keeper (a fresh receiver's keypair). */
  signers: TransactionSigner[];
  cu: number;
  receiverMode?: ReceiverMode;
  /** Settlements: the mint the owner is paid in. */
  receiverMint?: Address;
}

/** SetComputeUnitLimit (ComputeBudget instruction 2, u32 units). */
export function computeUnitLimitInstruction(units: number): Instruction {
  const data = new Uint8Array(5);
  data[0] = 2;
  new DataView(data.buffer).setUint32(1, units, true);
  return { programAddress: COMPUTE_BUDGET_PROGRAM, data };
}

const compactLen = (n: number): number => (n < 0x80 ? 1 : n < 0x4000 ? 2 : 3);
const isSigner = (role: AccountRole): boolean => role === AccountRole.READONLY_SIGNER || role === AccountRole.WRITABLE_SIGNER;

/** The wire size of a signed v0 transaction of `instructions` paid by `feePayer` (no lookup tables). */
export function transactionSize(instructions: readonly Instruction[], feePayer: Address): number {
  const keys = new Set<Address>([feePayer]);
  const signers = new Set<Address>([feePayer]);
  let body = 0;
  for (const ix of instructions) {
    keys.add(ix.programAddress);
    const metas = ix.accounts ?? [];
    for (const m of metas) {
      keys.add(m.address);
      if (isSigner(m.role)) signers.add(m.address);
    }
    const dataLen = ix.data?.length ?? 0;
    body += 1 + compactLen(metas.length) + metas.length + compactLen(dataLen) + dataLen;
  }
  return (
    compactLen(signers.size) + 64 * signers.size + 1 + 3 + compactLen(keys.size) + 32 * keys.size + 32 + compactLen(instructions.length) + body + compactLen(0)
  );
}

export interface BuiltTransaction {
  instructions: Instruction[];
  signers: TransactionSigner[];
  /** For each instruction, the index of its item in the batch (-1: the compute budget). */
  owners: number[];
}

export class Batcher {
  private readonly atas = new Map<string, Address>();
  private readonly fillPositions = new Map<string, Address>();
  private tokenAccountRent: bigint | undefined;

  constructor(
    private readonly o: {
      addresses: ChainAddresses;
      keeper: TransactionSigner;
      client: ChainClient;
      maxItemsPerTransaction?: number;
    },
  ) {}

  /** Derives (and keeps) the owner's ATA ahead of need: a derivation is ~0.5 ms, 100 of them would delay a pass. */
  warmReceiver(owner: Address, mint: Address): void {
    if (!this.atas.has(`${owner}:${mint}`)) void this.receiverAta(owner, mint).catch(() => undefined);
  }

  hasReceiver(owner: Address, mint: Address): boolean {
    return this.atas.has(`${owner}:${mint}`);
  }

  async receiverAta(owner: Address, mint: Address): Promise<Address> {
    const key = `${owner}:${mint}`;
    let a = this.atas.get(key);
    if (!a) this.atas.set(key, (a = await associatedTokenAddress(owner, mint)));
    return a;
  }

  /** What the owner's ATA needs: nothing, a create, or (it holds something else) a fresh account. */
  async receiverMode(owner: Address, mint: Address): Promise<ReceiverMode> {
    const account = await this.o.client.getAccount(await this.receiverAta(owner, mint));
    if (!account || account.lamports === 0n) return 'createAta';
    if (account.owner !== TOKEN_PROGRAM || account.data.length !== 165) return 'fresh';
    const t = decodeTokenAccount(account.data);
    const initialised = account.data[108] === 1;
    return t.mint === mint && t.owner === owner && initialised ? 'ata' : 'fresh';
  }

  private async fillPosition(s: Settlement): Promise<Address> {
    const key = `${s.owner}:${s.market}:${s.side}`;
    let p = this.fillPositions.get(key);
    if (!p) this.fillPositions.set(key, (p = await positionAddress(this.o.addresses.programId, s.owner, this.o.addresses.markets[s.market], sideByte(s.side))));
    return p;
  }

  /** One settlement's instructions; `mode` forces a receiver mode (after a refusal), else it is looked up. */
  async prepare(s: Settlement, mode?: ReceiverMode): Promise<PreparedSettlement> {
    const a = this.o.addresses;
    const keeper = this.o.keeper;
    if (s.kind === 'fill') {
      const postedToken = s.postedToken ?? lockToken(s.market, s.side);
      const ix = fillLimitOrderInstruction({ addresses: a, keeper: keeper.address, owner: s.owner, order: s.address, market: s.market, side: s.side, postedToken, position: await this.fillPosition(s) });
      return { settlement: s, instructions: [ix], signers: [], cu: opensWithSwap(s.market, s.side, postedToken) ? CU_BUDGET.fillWithSwap : CU_BUDGET.fill };
    }
    const mint = a.mints[lockToken(s.market, s.side)];
    const receiverMode = mode ?? (await this.receiverMode(s.owner, mint));
    const instructions: Instruction[] = [];
    const signers: TransactionSigner[] = [];
    let receiver = await this.receiverAta(s.owner, mint);
    let cu = CU_BUDGET.settle;
    if (receiverMode === 'createAta') {
      instructions.push(getCreateAssociatedTokenIdempotentInstruction({ payer: keeper, owner: s.owner, mint, ata: receiver }));
      cu += CU_BUDGET.createAta;
    } else if (receiverMode === 'fresh') {
      const account = await generateKeyPairSigner();
      this.tokenAccountRent ??= await this.o.client.minimumBalance(165n);
      instructions.push(
        getCreateAccountInstruction({ payer: keeper, newAccount: account, lamports: this.tokenAccountRent, space: 165n, programAddress: TOKEN_PROGRAM }),
        getInitializeAccount3Instruction({ account: account.address, mint, owner: s.owner }),
      );
      signers.push(account);
      receiver = account.address;
      cu += CU_BUDGET.freshAccount;
    }
    const input = { addresses: a, keeper: keeper.address, owner: s.owner, market: s.market, side: s.side, position: s.address, receiver };
    instructions.push(s.kind === 'liquidation' ? liquidateInstruction(input) : executeTpSlInstruction({ ...input, kind: s.kind }));
    return { settlement: s, instructions, signers, cu, receiverMode, receiverMint: mint };
  }

  /** The transaction of `items`: SetComputeUnitLimit (their budgets' sum) first, then each item's instructions. */
  build(items: readonly PreparedSettlement[], o: { maxCompute?: boolean } = {}): BuiltTransaction {
    const cu = o.maxCompute ? MAX_TRANSACTION_CU : Math.min(MAX_TRANSACTION_CU, CU_BUDGET.computeBudget + items.reduce((sum, p) => sum + p.cu, 0));
    const instructions: Instruction[] = [computeUnitLimitInstruction(cu)];
    const owners = [-1];
    const signers: TransactionSigner[] = [this.o.keeper];
    items.forEach((p, i) => {
      for (const ix of p.instructions) {
        instructions.push(ix);
        owners.push(i);
      }
      signers.push(...p.signers);
    });
    return { instructions, signers, owners };
  }

  /** Greedy packing in order: a transaction takes items while it stays under the size, compute and item limits. */
  pack(items: readonly PreparedSettlement[]): PreparedSettlement[][] {
    const maxItems = this.o.maxItemsPerTransaction ?? 16;
    const out: PreparedSettlement[][] = [];
    let current: PreparedSettlement[] = [];
    let instructions: Instruction[] = [computeUnitLimitInstruction(0)];
    let cu = CU_BUDGET.computeBudget;
    for (const p of items) {
      const next = [...instructions, ...p.instructions];
      const fits = current.length < maxItems && cu + p.cu <= MAX_TRANSACTION_CU && transactionSize(next, this.o.keeper.address) <= MAX_TRANSACTION_BYTES;
      if (current.length > 0 && !fits) {
        out.push(current);
        current = [];
        instructions = [computeUnitLimitInstruction(0), ...p.instructions];
        cu = CU_BUDGET.computeBudget + p.cu;
      } else {
        instructions = next;
        cu += p.cu;
      }
      current.push(p);
    }
    if (current.length > 0) out.push(current);
    return out;
  }
}
