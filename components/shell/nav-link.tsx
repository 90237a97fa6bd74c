'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type NavLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * A link to another section that prefetches on intent (pointer over it, touch start, keyboard focus) instead of
 * when it scrolls into view: the header and the tab bar are on screen on every page, and viewport prefetching
 * would download the JavaScript of every other section during the first load of this one (issue 8: /trade's
 * first-load weight). A touch starts ~100 ms before the tap's click, enough to start the fetch.
 */
export function NavLink({ href, onPointerEnter, onTouchStart, onFocus, ...rest }: NavLinkProps) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onPointerEnter={(e) => {
        prefetch();
        onPointerEnter?.(e);
      }}
      onTouchStart={(e) => {
        prefetch();
        onTouchStart?.(e);
      }}
      onFocus={(e) => {
        prefetch();
        onFocus?.(e);
      }}
      {...rest}
    />
  );
}
