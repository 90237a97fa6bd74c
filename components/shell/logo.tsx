import { NavLink } from '@/components/shell/nav-link';

/** The PoolPerps mark: a pool (the ring) with a rising and a falling leg (long / short). */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg aria-hidden width={size} height={size} viewBox="0 0 32 32" fill="none">
      <rect width="32" height="32" rx="8" fill="#151a23" />
      <circle cx="16" cy="16" r="10.5" stroke="#7c8cff" strokeWidth="2.2" opacity="0.9" />
      <path d="M9.5 19.5l4.5-5 3.2 3.2 5.3-6.2" stroke="#2ebd85" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M22.5 11.5v3.2M22.5 11.5h-3.2" stroke="#2ebd85" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

export function Logo() {
  return (
    <NavLink href="/trade" className="flex min-h-11 items-center gap-2 rounded-md md:min-h-0" aria-label="PoolPerps home">
      <LogoMark />
      <span className="text-[15px] font-bold tracking-tight">
        Pool<span className="text-accent">Perps</span>
      </span>
    </NavLink>
  );
}
