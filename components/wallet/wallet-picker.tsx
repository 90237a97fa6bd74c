'use client';
import { Badge } from '@/components/ui/badge';
import { Modal } from '@/components/ui/modal';
import { useWalletStore } from '@/lib/state/wallet';
import type { WalletOption, WalletReadiness } from '@/lib/state/wallet';
import { BURNER_WALLET_NAME } from '@/lib/wallet/burner-name';

const RANK: Partial<Record<WalletReadiness, number>> = { Installed: 1, Loadable: 2, NotDetected: 3 };

function rank(w: WalletOption): number {
  return w.name === BURNER_WALLET_NAME ? 0 : (RANK[w.readyState] ?? 4);
}

function note(w: WalletOption): { text: string; tone: 'warn' | 'long' | 'neutral' } | undefined {
  if (w.name === BURNER_WALLET_NAME) return { text: 'Local network', tone: 'warn' };
  if (w.readyState === 'Installed') return { text: 'Detected', tone: 'long' };
  if (w.readyState === 'Loadable') return { text: 'Wallet app', tone: 'neutral' };
  return undefined;
}

/** The wallet list: burner first (local network), then wallets found in the browser, then the phone's wallet app. */
export function WalletPicker({ onClose }: { onClose: () => void }) {
  const { wallets, walletName: current, select, connect, loaded } = useWalletStore();
  const sorted = [...wallets].sort((a, b) => rank(a) - rank(b));

  const choose = (name: string) => {
    onClose();
    // Selecting the already-selected wallet changes nothing in WalletProvider: connect it directly.
    if (current === name) void connect().catch(() => undefined);
    else select(name);
  };

  return (
    <Modal open onClose={onClose} title="Connect a wallet">
      {!loaded ? (
        <p className="text-sm text-ink-muted" role="status">
          Looking for wallets…
        </p>
      ) : sorted.length === 0 ? (
        <p className="text-sm leading-relaxed text-ink-muted">
          No Solana wallet was found in this browser. Install{' '}
          <a className="text-accent underline" href="https://phantom.com" target="_blank" rel="noreferrer">
            Phantom
          </a>
          ,{' '}
          <a className="text-accent underline" href="https://solflare.com" target="_blank" rel="noreferrer">
            Solflare
          </a>{' '}
          or{' '}
          <a className="text-accent underline" href="https://backpack.app" target="_blank" rel="noreferrer">
            Backpack
          </a>
          , then reload this page.
        </p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Wallets">
          {sorted.map((w) => {
            const n = note(w);
            return (
              <li key={w.name}>
                <button
                  type="button"
                  data-testid={`wallet-option-${w.name === BURNER_WALLET_NAME ? 'burner' : w.name}`}
                  onClick={() => choose(w.name)}
                  className="flex min-h-14 w-full items-center gap-3 rounded-lg border border-line bg-bg-raised px-3 text-left hover:border-line-strong hover:bg-bg-hover"
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- wallet icons are data: URIs from the wallet */}
                  <img src={w.icon} alt="" width={28} height={28} className="h-7 w-7 rounded-md" />
                  <span className="flex-1 text-sm font-semibold">{w.name}</span>
                  {n && <Badge tone={n.tone}>{n.text}</Badge>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-4 text-xs leading-relaxed text-ink-faint">
        Every action is a Solana transaction your wallet shows you before you sign it. PoolPerps never holds your keys.
      </p>
    </Modal>
  );
}
