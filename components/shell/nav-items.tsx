import type { ReactNode } from 'react';

export interface NavItem {
  href: '/trade' | '/earn' | '/portfolio';
  label: string;
  icon: ReactNode;
}

const svg = (d: string) => (
  <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
    <path d={d} />
  </svg>
);

/** The three sections of the app, in the order of the header and the phone tab bar. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/trade', label: 'Trade', icon: svg('M3 17l5-6 4 4 8-9M15 6h5v5') },
  { href: '/earn', label: 'Earn', icon: svg('M12 3c3.5 4 6 7 6 10.5A6 6 0 0 1 6 13.5C6 10 8.5 7 12 3zM9.5 14.5a2.5 2.5 0 0 0 2.5 2.5') },
  { href: '/portfolio', label: 'Portfolio', icon: svg('M4 7h16v12H4zM8 7V5h8v2M4 12h16') },
];

export const isActive = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);
