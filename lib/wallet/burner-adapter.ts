/**
 * A wallet-adapter for the local network: an ed25519 key generated in the browser and kept in localStorage. It
 * signs transactions (legacy and v0: the app's every action is a transaction on the local chain) and messages.
 * `renew()` replaces the key ("New burner").
 */
import {
  BaseMessageSignerWalletAdapter,
  WalletNotConnectedError,
  WalletReadyState,
  WalletSignTransactionError,
} from '@solana/wallet-adapter-base';
import type { TransactionOrVersionedTransaction, WalletName } from '@solana/wallet-adapter-base';
import { PublicKey, VersionedTransaction, type TransactionVersion } from '@solana/web3.js';
import { createSeed, loadOrCreateSeed, publicKeyBytes, signWithSeed } from '@/lib/wallet/burner-keys';
import type { KeyStorage } from '@/lib/wallet/burner-keys';
import { BURNER_WALLET_NAME } from '@/lib/wallet/burner-name';

export const BurnerWalletName = BURNER_WALLET_NAME as WalletName<'Burner wallet'>;

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#1b212c"/>' +
  '<path d="M16 5c1 4 6 6.5 6 12a6 6 0 0 1-12 0c0-3 1.5-4.5 3-6 0 2 1 3 2 3-1-3 0-6 1-9z" fill="#f0b90b"/></svg>';

export const BURNER_ICON = `data:image/svg+xml;base64,${globalThis.btoa ? globalThis.btoa(ICON_SVG) : Buffer.from(ICON_SVG).toString('base64')}` as const;

export class BurnerWalletAdapter extends BaseMessageSignerWalletAdapter<'Burner wallet'> {
  name = BurnerWalletName;
  url = 'https://github.com/anza-xyz/wallet-adapter';
  icon = BURNER_ICON;
  readonly supportedTransactionVersions: ReadonlySet<TransactionVersion> = new Set<TransactionVersion>(['legacy', 0]);
  private seed: Uint8Array | null = null;
  private key: PublicKey | null = null;
  private readonly storage: () => KeyStorage | undefined;

  constructor({ storage }: { storage?: () => KeyStorage | undefined } = {}) {
    super();
    this.storage = storage ?? (() => (typeof window === 'undefined' ? undefined : window.localStorage));
  }

  get readyState(): WalletReadyState {
    return this.storage() ? WalletReadyState.Installed : WalletReadyState.Unsupported;
  }

  get publicKey(): PublicKey | null {
    return this.key;
  }

  get connecting(): boolean {
    return false;
  }

  async connect(): Promise<void> {
    // Already connected: announce it again. WalletProvider may have dropped the first 'connect' (React StrictMode
    // mounts effects twice, and its cleanup resets the provider's state) and asks again.
    if (this.key) {
      this.emit('connect', this.key);
      return;
    }
    const storage = this.storage();
    if (!storage) throw new WalletNotConnectedError('The burner wallet needs localStorage.');
    this.use(loadOrCreateSeed(storage));
  }

  async disconnect(): Promise<void> {
    this.seed = null;
    this.key = null;
    this.emit('disconnect');
  }

  /** Replaces the stored key with a new one; when connected, the app switches to the new account at once. */
  async renew(): Promise<PublicKey> {
    const storage = this.storage();
    if (!storage) throw new WalletNotConnectedError('The burner wallet needs localStorage.');
    return this.use(createSeed(storage));
  }

  async signMessage(message: Uint8Array): Promise<Uint8Array> {
    if (!this.seed) throw new WalletNotConnectedError();
    return signWithSeed(message, this.seed);
  }

  /** Signs the transaction's message with the burner key (its signature slot must name the burner). */
  async signTransaction<T extends TransactionOrVersionedTransaction<this['supportedTransactionVersions']>>(transaction: T): Promise<T> {
    if (!this.seed || !this.key) throw new WalletNotConnectedError();
    try {
      if (transaction instanceof VersionedTransaction) {
        transaction.addSignature(this.key, signWithSeed(transaction.message.serialize(), this.seed));
      } else {
        transaction.addSignature(this.key, Buffer.from(signWithSeed(transaction.serializeMessage(), this.seed)));
      }
    } catch (e) {
      throw new WalletSignTransactionError(e instanceof Error ? e.message : 'The burner could not sign this transaction.');
    }
    return transaction;
  }

  private use(seed: Uint8Array): PublicKey {
    this.seed = seed;
    this.key = new PublicKey(publicKeyBytes(seed));
    this.emit('connect', this.key);
    return this.key;
  }
}

export const isBurnerAdapter = (a: unknown): a is BurnerWalletAdapter => a instanceof BurnerWalletAdapter;
