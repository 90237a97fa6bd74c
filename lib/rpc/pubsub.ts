import type { Address } from '@solana/kit';
import { EMPTY_ACCOUNT, type CommitEvent, type LocalChain } from '@/lib/validator';
import { accountEncoding, encodeAccount, type AccountEncoding } from './encode-account';
import { invalidParams, RPC_INVALID_REQUEST, RPC_METHOD_NOT_FOUND, RpcError } from './errors';
import { parseJson, stringifyJson } from './json';
import { address, config, paramList, required, signature, u64, type Config } from './params';

type Subscription =
  | { kind: 'signature'; signature: string }
  | { kind: 'account'; address: Address; encoding: AccountEncoding }
  | { kind: 'program'; program: Address; encoding: AccountEncoding }
  | { kind: 'slot' }
  | { kind: 'root' }
  | { kind: 'logs'; mentions: Address | null };

const SUBSCRIBE: Record<string, Subscription['kind']> = {
  signatureSubscribe: 'signature',
  accountSubscribe: 'account',
  programSubscribe: 'program',
  slotSubscribe: 'slot',
  rootSubscribe: 'root',
  logsSubscribe: 'logs',
};

const NOTIFICATION: Record<Subscription['kind'], string> = {
  signature: 'signatureNotification',
  account: 'accountNotification',
  program: 'programNotification',
  slot: 'slotNotification',
  root: 'rootNotification',
  logs: 'logsNotification',
};

function parseSubscription(kind: Subscription['kind'], params: readonly unknown[]): Subscription {
  if (kind === 'signature') return { kind, signature: required(params, 0, 'a signature', signature) };
  if (kind === 'account') return { kind, address: required(params, 0, 'an address', address), encoding: accountEncoding(config(params, 1), 'binary') };
  if (kind === 'program') return { kind, program: required(params, 0, 'a program id', address), encoding: accountEncoding(config(params, 1), 'binary') };
  if (kind === 'logs') {
    const filter = params[0];
    if (filter === 'all' || filter === 'allWithVotes' || filter === undefined) return { kind, mentions: null };
    const mentions = (filter as Config | null)?.mentions;
    if (!Array.isArray(mentions) || mentions.length !== 1) throw invalidParams('Invalid Request: Only 1 address supported');
    return { kind, mentions: address(mentions[0]) };
  }
  return { kind };
}

/**
 * Solana's PubSub (the WebSocket API) for one connection: signature, account, program, slot, root and logs
 * subscriptions, notified from the chain's commits and slots. web3.js 1.x `confirmTransaction` needs
 * `signatureSubscribe`: it polls statuses only once the subscription is acknowledged. A signature already committed
 * when subscribed is notified at once.
 */
export class PubSubSession {
  private readonly subscriptions = new Map<number, Subscription>();
  private nextId = 0;
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly chain: LocalChain,
    private readonly send: (text: string) => void,
  ) {
    this.unsubscribe = [chain.onCommit((e) => this.onCommit(e)), chain.onSlot((s) => this.onSlot(s))];
  }

  close(): void {
    for (const off of this.unsubscribe) off();
    this.subscriptions.clear();
  }

  /** One JSON-RPC message (or batch) from the client. */
  handle(text: string): void {
    let body: unknown;
    try {
      body = parseJson(text);
    } catch {
      this.send(stringifyJson({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null }));
      return;
    }
    for (const request of Array.isArray(body) ? body : [body]) this.handleOne(request);
  }

  private handleOne(request: unknown): void {
    const { method, params, id } = (typeof request === 'object' && request !== null ? request : {}) as Config;
    const replyId = typeof id === 'number' || typeof id === 'string' || typeof id === 'bigint' ? id : null;
    try {
      if (typeof method !== 'string') throw new RpcError(RPC_INVALID_REQUEST, 'Invalid request');
      const result = this.call(method, paramList(params));
      this.send(stringifyJson({ jsonrpc: '2.0', result: result.value, id: replyId }));
      result.after?.();
    } catch (error) {
      const e = error instanceof RpcError ? error : new RpcError(-32603, 'Internal error');
      this.send(stringifyJson({ jsonrpc: '2.0', error: e.toJson(), id: replyId }));
    }
  }

  private call(method: string, params: readonly unknown[]): { value: unknown; after?: () => void } {
    const kind = SUBSCRIBE[method];
    if (kind !== undefined) {
      const sub = parseSubscription(kind, params);
      const id = this.nextId++;
      this.subscriptions.set(id, sub);
      return { value: id, after: () => this.notifyIfCommitted(id, sub) };
    }
    if (method.endsWith('Unsubscribe') && SUBSCRIBE[method.replace('Unsubscribe', 'Subscribe')] !== undefined) {
      const id = Number(required(params, 0, 'a subscription id', (v) => u64(v, 'subscription id')));
      if (!this.subscriptions.delete(id)) throw invalidParams('Invalid subscription id.');
      return { value: true };
    }
    throw new RpcError(RPC_METHOD_NOT_FOUND, 'Method not found');
  }

  private notify(id: number, sub: Subscription, result: unknown): void {
    this.send(stringifyJson({ jsonrpc: '2.0', method: NOTIFICATION[sub.kind], params: { result, subscription: id } }));
  }

  private context(): { slot: bigint } {
    return { slot: this.chain.slot };
  }

  private notifyIfCommitted(id: number, sub: Subscription): void {
    if (sub.kind !== 'signature') return;
    void this.chain.getSignatureStatuses([sub.signature]).then(([status]) => {
      if (status === null || status === undefined || !this.subscriptions.has(id)) return;
      this.subscriptions.delete(id);
      this.notify(id, sub, { context: { slot: status.slot }, value: { err: status.err } });
    });
  }

  private onCommit(event: CommitEvent): void {
    for (const [id, sub] of this.subscriptions) {
      try {
        this.notifyCommit(id, sub, event);
      } catch {
        // An account this subscription's encoding cannot carry (base58 over 128 bytes): nothing to send.
      }
    }
  }

  private notifyCommit(id: number, sub: Subscription, event: CommitEvent): void {
    if (sub.kind === 'signature') {
      const tx = event.transactions.find((t) => t.signature === sub.signature);
      if (tx === undefined) return;
      this.subscriptions.delete(id);
      this.notify(id, sub, { context: { slot: tx.slot }, value: { err: tx.err } });
    } else if (sub.kind === 'account') {
      if (!event.accounts.has(sub.address)) return;
      const account = event.accounts.get(sub.address) ?? EMPTY_ACCOUNT; // agave sends a deleted account as an empty system account
      this.notify(id, sub, { context: this.context(), value: encodeAccount(this.chain, account, sub.encoding) });
    } else if (sub.kind === 'program') {
      for (const [pubkey, account] of event.accounts) {
        if (account === null || account.owner !== sub.program) continue;
        this.notify(id, sub, { context: this.context(), value: { pubkey, account: encodeAccount(this.chain, account, sub.encoding) } });
      }
    } else if (sub.kind === 'logs') {
      for (const tx of event.transactions) {
        if (sub.mentions !== null && !tx.accountKeys.includes(sub.mentions)) continue;
        this.notify(id, sub, { context: { slot: tx.slot }, value: { signature: tx.signature, err: tx.err, logs: tx.logs } });
      }
    }
  }

  private onSlot(slot: bigint): void {
    for (const [id, sub] of this.subscriptions) {
      if (sub.kind === 'slot') this.notify(id, sub, { parent: slot - 1n, root: slot, slot });
      else if (sub.kind === 'root') this.notify(id, sub, slot);
    }
  }
}
