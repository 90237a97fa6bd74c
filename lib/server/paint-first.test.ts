import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createPaintFirst } from './paint-first';

const whole = (html: string): string => {
  const r = createPaintFirst();
  return r.write(html) + r.end();
};

/** The document as React and Next emit it (head scripts, a preload hint, the polyfills, a bootstrap script in the body). */
const DOC =
  '<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/boot.js"/>' +
  '<script src="/_next/static/chunks/one.js" async=""></script><script src="/_next/static/chunks/two.js" async=""></script>' +
  '<script src="/_next/static/chunks/poly.js" noModule=""></script></head><body><main>Trade</main>' +
  '<script src="/_next/static/chunks/boot.js" async=""></script><script>self.__next_f.push([1,"a<b"])</script></body></html>';

/**
 * Runs a document's queuing scripts (the others need Next) in a page of their own: `appended` lists the script
 * URLs in the order the starter inserts them, with the task each was inserted in; `runTasks()` runs the queued
 * tasks (frames, timers, channel messages) in order until none is left.
 */
function fakePage() {
  const tasks: (() => void)[] = [];
  let task = 0;
  const appended: { url: string; task: number }[] = [];
  const document = {
    createElement: () => ({ src: '', async: false }),
    head: { appendChild: (e: { src: string; async: boolean }) => appended.push({ url: e.async ? e.src : `sync:${e.src}`, task }) },
  };
  class MessageChannel {
    port1: { onmessage: (() => void) | null } = { onmessage: null };
    port2 = { postMessage: () => tasks.push(() => this.port1.onmessage?.()) };
  }
  const page: Record<string, unknown> = {
    document,
    MessageChannel,
    requestAnimationFrame: (f: () => void) => tasks.push(f),
    setTimeout: (f: () => void) => tasks.push(f),
  };
  page.self = page;
  return {
    appended,
    run: (html: string) => {
      for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) if (m[1]?.includes('__ppBoot')) runInNewContext(m[1], page);
    },
    runTasks: () => {
      while (tasks.length) {
        task++;
        tasks.shift()?.();
      }
    },
  };
}

const queued = (html: string): string[] => [...html.matchAll(/__ppBoot\|\|\[\]\)\.push\("([^"]+)"\)/g)].map((m) => m[1] ?? '');

describe('paint first, then hydrate (lib/server/paint-first.ts)', () => {
  it('queues every async chunk script in document order, drops the script preloads, keeps the rest', () => {
    const out = whole(DOC);
    expect(queued(out)).toEqual(['/_next/static/chunks/one.js', '/_next/static/chunks/two.js', '/_next/static/chunks/boot.js']);
    expect(out).not.toMatch(/<script src="[^"]+" async="">/);
    expect(out).not.toContain('rel="preload" as="script"');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>');
    expect(out).toContain('<script src="/_next/static/chunks/poly.js" noModule=""></script>');
    expect(out).toContain('<script>self.__next_f.push([1,"a<b"])</script>');
    expect(out).toContain('<main>Trade</main>');
  });

  it('writes the starter once, in the first queuing script', () => {
    const out = whole(DOC);
    expect(out.split('requestAnimationFrame').length - 1).toBe(1);
    expect(out.indexOf('requestAnimationFrame')).toBeLessThan(out.indexOf('one.js'));
  });

  it('the starter inserts the queued scripts after the first frame, in order, one per task; later ones at once', () => {
    const page = fakePage();
    const r = createPaintFirst();
    page.run(r.write(DOC));
    expect(page.appended).toEqual([]);
    page.runTasks();
    const urls = ['/_next/static/chunks/one.js', '/_next/static/chunks/two.js', '/_next/static/chunks/boot.js'];
    expect(page.appended.map((a) => a.url)).toEqual(urls);
    expect(new Set(page.appended.map((a) => a.task)).size).toBe(urls.length);
    page.run(r.write('<script src="/_next/static/chunks/late.js" async=""></script>') + r.end());
    expect(page.appended.at(-1)?.url).toBe('/_next/static/chunks/late.js');
  });

  it.each([
    ['no scripts', '<html><head><title>x</title></head><body>hi</body></html>'],
    ['a script of another origin', '<script src="https://example.com/x.js" async=""></script>'],
    ['an inline script', '<script>var a = 1 < 2;</script>'],
    ['a text that only looks like a tag', '<p>&lt;script src="/_next/static/x.js" async=""&gt;</p>'],
  ])('leaves a document with %s as it is', (_name, html) => {
    expect(whole(html)).toBe(html);
  });

  it('gives the same document however it is cut into chunks', () => {
    const expected = whole(DOC);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: DOC.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), DOC.length];
        const r = createPaintFirst();
        let out = '';
        for (let i = 0; i + 1 < points.length; i++) out += r.write(DOC.slice(points[i], points[i + 1]));
        out += r.end();
        expect(out).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('holds back only an unfinished tag at a chunk end', () => {
    const r = createPaintFirst();
    expect(r.write('<body><main>Trade</main><script src="/_next/static/chunks/one.js" as')).toBe('<body><main>Trade</main>');
    const rest = r.write('ync=""></script><p>after</p>');
    expect(queued(rest)).toEqual(['/_next/static/chunks/one.js']);
    expect(rest.endsWith('<p>after</p>')).toBe(true);
    expect(r.end()).toBe('');
  });
});
