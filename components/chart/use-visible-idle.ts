'use client';
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Upper bound on the idle wait (requestIdleCallback `timeout`), so a busy page still gets its chart. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * `true` once the element has been visible (IntersectionObserver) and then the browser was idle
 * (requestIdleCallback, setTimeout where it is missing: Safari). Stays `true` afterwards. Used to fetch and start
 * lightweight-charts after first load instead of during it.
 */
export function useVisibleIdle(ref: RefObject<Element | null>): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (ready || !el) return;
    let cancelIdle: (() => void) | undefined;
    const whenIdle = () => {
      if (typeof window.requestIdleCallback === 'function') {
        const id = window.requestIdleCallback(() => setReady(true), { timeout: IDLE_TIMEOUT_MS });
        cancelIdle = () => window.cancelIdleCallback(id);
      } else {
        const id = window.setTimeout(() => setReady(true), 200);
        cancelIdle = () => window.clearTimeout(id);
      }
    };
    if (typeof IntersectionObserver !== 'function') {
      whenIdle();
      return () => cancelIdle?.();
    }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      whenIdle();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelIdle?.();
    };
  }, [ref, ready]);
  return ready;
}
