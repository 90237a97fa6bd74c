import type { Metadata, Viewport } from 'next';
import { Providers } from '@/app/providers';
import { BottomTabs } from '@/components/shell/bottom-tabs';
import { Header } from '@/components/shell/header';
import { StartingScreen } from '@/components/shell/starting-screen';
import { StaleBanner } from '@/components/ui/stale-banner';
import { marketAndPoolAnswers } from '@/lib/server/first-answers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'PoolPerps: peer-to-pool perpetuals', template: '%s · PoolPerps' },
  description: 'Trade SOL, BTC, BONK, gold, silver and oil with up to 100x leverage against the ALP and RWALP pools.',
  icons: { icon: [{ url: '/icon.svg', type: 'image/svg+xml' }], apple: '/icon.svg' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b0e14', viewportFit: 'cover' };

/** Every page renders with the markets and pools in its HTML (lib/server/first-answers.ts), so it paints prices, not placeholders. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const firstAnswers = await marketAndPoolAnswers();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-bg text-ink antialiased">
        <Providers firstAnswers={firstAnswers}>
          <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[70] focus:rounded-md focus:bg-accent focus:px-3 focus:py-2 focus:text-bg">
            Skip to content
          </a>
          <div className="flex min-h-dvh flex-col">
            <Header />
            <StaleBanner />
            <main id="main" className="flex-1 pb-[calc(3.5rem+env(safe-area-inset-bottom))] md:pb-0">
              {children}
            </main>
            <BottomTabs />
          </div>
          <StartingScreen />
        </Providers>
      </body>
    </html>
  );
}
