'use client';
import { NavLink } from '@/components/shell/nav-link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { isActive, NAV_ITEMS } from '@/components/shell/nav-items';

/** Phone navigation: a fixed tab bar at the bottom (under 768 px), above the home indicator. */
export function BottomTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" data-testid="tab-bar" className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-bg-raised/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden">
      <ul className="grid grid-cols-3">
        {NAV_ITEMS.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <NavLink
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn('flex h-14 flex-col items-center justify-center gap-0.5 text-[11px] font-semibold', active ? 'text-accent' : 'text-ink-muted')}
              >
                {item.icon}
                {item.label}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
