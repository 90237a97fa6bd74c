/**
 * Paint first, then hydrate: the page's own script tags (`<script src="/_next/static/…" async="">`, which React and
 * Next put in the head, and their `<link rel="preload" as="script">` hints) become a one-line inline script that
 * queues the URL; the first queuing script also holds the starter, which after the first frame (an animation frame,
 * then a task: the frame's paint has happened by then) appends every queued URL as an async script, one per task,
 * and any URL queued later at once. Without it a fast connection delivers the scripts while the stylesheet and the
 * first layout are still under way, and the browser runs React's hydration before it paints the server's HTML: the
 * first paint waits for the largest script and the hydration task (and Lighthouse's simulated LCP counts both;
 * bench/README.md § 6). On a slow connection the scripts arrived after the first paint anyway; they are now requested at the first
 * frame instead of at the head, about one frame later.
 *
 * A hidden tab runs no animation frames: a 100 ms timer starts the scripts there too (whichever comes first). The
 * scripts stay async, in document order, as Next emitted them (Turbopack's chunks register with its runtime in any
 * order). Other scripts (the `noModule` polyfills, inline RSC payload scripts) are left alone.
 *
 * Streaming: `createPaintFirst()` rewrites a document chunk by chunk and holds back an unfinished tag at a chunk's
 * end until the next chunk (or the end) completes it.
 */

/** `<script src="/_next/static/…" async=""></script>` exactly as React renders it (attribute order: src, async). */
const SCRIPT_TAG = /<script src="(\/_next\/static\/[^"<>]+\.js)" async=""><\/script>/g;
/** React's preload of a bootstrap script, `fetchPriority` as React spells it. */
const PRELOAD_TAG = /<link rel="preload" as="script"(?: fetchPriority="[a-z]+")? href="\/_next\/static\/[^"<>]+\.js"\/>/g;

/**
 * The starter: appends the queued scripts one per task (a `MessageChannel` message each, no timer clamping), then
 * defines the queue's `push` for URLs queued after that, which appends at once. Runs once (`s` guards against the
 * frame and the timer both firing). One script per task because inserting a script element costs 0.2–20 ms of main
 * thread each (the fetch starts inside `appendChild`): thirteen in one task made one 150 ms long task under
 * Lighthouse's 4× CPU, on every page.
 */
const STARTER =
  'var q=self.__ppBoot=self.__ppBoot||[],s=0,i=0,c=new MessageChannel,' +
  'l=function(u){var e=document.createElement("script");e.src=u;e.async=!0;document.head.appendChild(e)},' +
  'n=function(){if(i<q.length){l(q[i++]);c.port2.postMessage(0)}else q.push=function(u){l(u);return 0}},' +
  'g=function(){if(s)return;s=1;n()};c.port1.onmessage=n;' +
  'requestAnimationFrame(function(){setTimeout(g,0)});setTimeout(g,100);';

const queueScript = (url: string, withStarter: boolean): string =>
  `<script>${withStarter ? STARTER : ''}(self.__ppBoot=self.__ppBoot||[]).push(${JSON.stringify(url)})</script>`;

export interface PaintFirst {
  /** The rewritten text of this chunk (an unfinished tag at its end is held until the next). */
  write(chunk: string): string;
  /** What is still held, at the end of the document. */
  end(): string;
}

/** A rewriter for one HTML document. */
export function createPaintFirst(): PaintFirst {
  let held = '';
  let started = false;
  const rewrite = (html: string): string =>
    html.replace(PRELOAD_TAG, '').replace(SCRIPT_TAG, (_tag, url: string) => {
      const out = queueScript(url, !started);
      started = true;
      return out;
    });
  return {
    write(chunk) {
      const text = held + chunk;
      // Hold from the last '<' when its tag (or the script element it opens) may continue in the next chunk.
      const cut = unfinishedTagStart(text);
      held = text.slice(cut);
      return rewrite(text.slice(0, cut));
    },
    end() {
      const text = held;
      held = '';
      return rewrite(text);
    },
  };
}

/** The longest tag rewritten (a script element with its URL) is well under this; longer tails are not held. */
const MAX_HELD = 512;

/** Where an unfinished `<script …></script>` or tag starts at the end of `text` (text.length when none). */
function unfinishedTagStart(text: string): number {
  // A script element opened and not yet closed (its `</script>` may be cut anywhere, even after its '<').
  const open = text.lastIndexOf('<script');
  if (open >= 0 && !text.includes('</script>', open) && text.length - open <= MAX_HELD) return open;
  // Any other tag not finished yet (`<link rel="preload" …`, `<scr`).
  const lt = text.lastIndexOf('<');
  if (lt >= 0 && !text.includes('>', lt) && text.length - lt <= MAX_HELD) return lt;
  return text.length;
}
