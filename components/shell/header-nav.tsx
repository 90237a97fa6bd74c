'use client';
import { NavLink } from '@/components/shell/nav-link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { isActive, NAV_ITEMS } from '@/components/shell/nav-items';

/** Desktop navigation (hidden under 768 px, where the bottom tab bar takes over). */
export function HeaderNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" data-testid="header-nav" className="hidden md:block">
      <ul className="flex items-center gap-1">
        {NAV_ITEMS.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <NavLink
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'rounded-md px-3 py-2 text-sm font-semibold transition-colors',
                  active ? 'bg-bg-hover text-ink' : 'text-ink-muted hover:text-ink',
                )}
              >
                {item.label}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
