import { describe, expect, it } from 'vitest';
import { extractBitcode, isBitcode, readArchive } from './ar';

const BITCODE = [0x42, 0x43, 0xc0, 0xde, 1, 2, 3];
const ELF = [0x7f, 0x45, 0x4c, 0x46, 2, 1];

function header(name: string, size: number): string {
  return `${name.padEnd(16)}${'0'.padEnd(12)}${'0'.padEnd(6)}${'0'.padEnd(6)}${'644'.padEnd(8)}${String(size).padEnd(10)}\`\n`;
}

/** An archive as `ar`/rustc write them: GNU symbol table "/", long names "//", members padded to even size. */
function gnuArchive(members: ReadonlyArray<{ name: string; data: number[] }>): Uint8Array {
  const encoder = new TextEncoder();
  const parts: number[] = [...encoder.encode('!<arch>\n')];
  const add = (name: string, data: number[]): void => {
    parts.push(...encoder.encode(header(name, data.length)), ...data);
    if (data.length % 2) parts.push(0x0a);
  };
  add('/', [0, 0, 0, 0]);
  let longNames = '';
  const names = members.map(({ name }) => {
    if (name.length < 16) return `${name}/`;
    const at = longNames.length;
    longNames += `${name}/\n`;
    return `/${at}`;
  });
  if (longNames) add('//', [...encoder.encode(longNames)]);
  members.forEach(({ data }, i) => add(names[i] ?? '', data));
  return new Uint8Array(parts);
}

describe('readArchive', () => {
  it('reads GNU short and long member names and skips the symbol tables', () => {
    const archive = gnuArchive([
      { name: 'poolperps_program-6fe3e5795a712567.poolperps_program.9d92bca872f5bda1-cgu.0.rcgu.o', data: BITCODE },
      { name: 'small.o', data: ELF },
    ]);
    expect(readArchive(archive).map((m) => [m.name, [...m.data]])).toEqual([
      ['poolperps_program-6fe3e5795a712567.poolperps_program.9d92bca872f5bda1-cgu.0.rcgu.o', BITCODE],
      ['small.o', ELF],
    ]);
  });

  it('reads BSD names stored before the data', () => {
    const encoder = new TextEncoder();
    const name = 'a-long-member-name.o';
    const body = [...encoder.encode(name), ...BITCODE];
    const archive = new Uint8Array([...encoder.encode('!<arch>\n'), ...encoder.encode(header(`#1/${name.length}`, body.length)), ...body]);
    expect(readArchive(archive).map((m) => [m.name, [...m.data]])).toEqual([[name, BITCODE]]);
  });

  it.each([
    ['no magic', new TextEncoder().encode('not an archive')],
    ['a corrupt header', new TextEncoder().encode(`!<arch>\n${'x'.repeat(60)}`)],
  ])('refuses %s', (_label, bytes) => {
    expect(() => readArchive(bytes)).toThrow();
  });
});

describe('extractBitcode', () => {
  it('returns the one bitcode member of a fat-LTO staticlib', () => {
    const archive = gnuArchive([{ name: 'program.o', data: BITCODE }]);
    expect([...extractBitcode(archive, 'libx.a')]).toEqual(BITCODE);
  });

  it.each([
    ['several modules (LTO skipped, e.g. crate-type rlib too)', [BITCODE, BITCODE], /found 2 .*lto = "fat"/],
    ['no bitcode', [ELF], /found 0/],
  ])('refuses %s', (_label, datas, message) => {
    const archive = gnuArchive(datas.map((data, i) => ({ name: `m${i}.o`, data })));
    expect(() => extractBitcode(archive, 'libx.a')).toThrow(message);
  });

  it('knows raw and wrapped bitcode', () => {
    expect(isBitcode(new Uint8Array(BITCODE))).toBe(true);
    expect(isBitcode(new Uint8Array([0xde, 0xc0, 0x17, 0x0b]))).toBe(true);
    expect(isBitcode(new Uint8Array(ELF))).toBe(false);
  });
});
