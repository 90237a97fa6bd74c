'use client';
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { DESKTOP_QUERY } from '@/lib/hooks/trade/use-media-query';

/** Upper bound on the idle wait (requestIdleCallback `timeout`), so a busy page still gets its chart. */
const IDLE_TIMEOUT_MS = 2_000;
/**
 * Below the desktop layout (phones, DESKTOP_QUERY false): how long after the page's `load` event the chart waits
 * before starting, unless the user interacts first. The first load (hydration, the first data, the first ticks)
 * has a phone's main thread to itself, and the chart library's download and start-up come after it (issues 15/16,
 * total blocking time). Desktops start it at the first idle moment after load.
 */
export const CHART_SETTLE_MS = 3_000;
/** Any of these on the page starts the chart at once (the user is here and wants it). */
const INTERACTIONS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;

/**
 * `true` once the element has been visible (IntersectionObserver) and the page has settled (its `load` event,
 * then CHART_SETTLE_MS on a phone, then an idle moment: requestIdleCallback, setTimeout where it is missing:
 * Safari), or as soon as the user interacts with the page (pointer, key, touch, wheel, scroll), whichever comes
 * first. Stays `true` afterwards. Used to fetch and start lightweight-charts after first load instead of during it.
 */
export function useVisibleIdle(ref: RefObject<Element | null>): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (ready || !el) return;
    const cleanups: (() => void)[] = [];
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      setReady(true);
    };
    const opts: AddEventListenerOptions = { capture: true, passive: true, once: true };
    for (const type of INTERACTIONS) {
      window.addEventListener(type, start, opts);
      cleanups.push(() => window.removeEventListener(type, start, opts));
    }
    const whenIdle = () => {
      if (typeof window.requestIdleCallback === 'function') {
        const id = window.requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
        cleanups.push(() => window.cancelIdleCallback(id));
      } else {
        const id = window.setTimeout(start, 200);
        cleanups.push(() => window.clearTimeout(id));
      }
    };
    const afterSettle = () => {
      if (window.matchMedia?.(DESKTOP_QUERY).matches) return whenIdle();
      const id = window.setTimeout(whenIdle, CHART_SETTLE_MS);
      cleanups.push(() => window.clearTimeout(id));
    };
    const whenLoaded = () => {
      if (document.readyState === 'complete') return afterSettle();
      const onLoad = () => afterSettle();
      window.addEventListener('load', onLoad, { once: true });
      cleanups.push(() => window.removeEventListener('load', onLoad));
    };
    if (typeof IntersectionObserver !== 'function') {
      whenLoaded();
    } else {
      const observer = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        whenLoaded();
      });
      observer.observe(el);
      cleanups.push(() => observer.disconnect());
    }
    return () => {
      for (const c of cleanups) c();
    };
  }, [ref, ready]);
  return ready;
}
