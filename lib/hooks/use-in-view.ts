'use client';
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether the element shows now, clipped by the viewport and by scrolling ancestors (IntersectionObserver, any
 * pixel). `true` until the first observation, as on the server, so hydration renders what the server rendered
 * and a browser without IntersectionObserver treats everything as shown. Lets what is scrolled out of sight (the
 * ticker's entries past a phone's edge) skip live price ticks.
 */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setInView(last.isIntersecting);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
