import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'PoolPerps: peer-to-pool perpetuals',
  description: 'Trade SOL, BTC, BONK, gold, silver and oil with up to 100x leverage against the ALP and RWALP pools.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b0e14' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-bg text-ink antialiased">{children}</body>
    </html>
  );
}
