import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-24 text-center">
      <p className="num text-5xl font-bold text-ink-faint">404</p>
      <h1 className="text-xl font-semibold">This page does not exist</h1>
      <p className="text-sm text-ink-muted">The market or page you asked for is not here. Markets: SOL, BTC, BONK, XAU, XAG, WTI.</p>
      <Link href="/trade" className="inline-flex min-h-11 items-center rounded-lg bg-accent px-4 text-sm font-semibold text-bg hover:brightness-110">
        Go to Trade
      </Link>
    </div>
  );
}
