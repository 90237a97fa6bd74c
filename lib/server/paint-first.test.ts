import fc from 'fast-check';
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
