/**
 * Collects items and hands them over together once per animation frame (a 16 ms timer where there is no
 * `requestAnimationFrame` or the page is hidden, which pauses frames). The stream's price events arrive one task
 * each (six at once on connect): batching them makes one store update, so one re-render, per frame instead of one
 * per event (issue 8: a phone's main thread).
 */
export function createFrameBatcher<T>(flush: (items: T[]) => void): { push(item: T): void; cancel(): void } {
  let items: T[] = [];
  let cancelScheduled: (() => void) | undefined;
  const run = () => {
    cancelScheduled = undefined;
    const batch = items;
    items = [];
    flush(batch);
  };
  const schedule = () => {
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    if (typeof requestAnimationFrame === 'function' && !hidden) {
      const id = requestAnimationFrame(run);
      cancelScheduled = () => cancelAnimationFrame(id);
    } else {
      const id = setTimeout(run, 16);
      cancelScheduled = () => clearTimeout(id);
    }
  };
  return {
    push(item) {
      items.push(item);
      if (!cancelScheduled) schedule();
    },
    cancel() {
      cancelScheduled?.();
      cancelScheduled = undefined;
      items = [];
    },
  };
}
