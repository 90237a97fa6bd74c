/** A reader for `ar` archives (GNU and BSD variants), enough to take the bitcode out of a Rust staticlib. */

export interface ArchiveMember {
  readonly name: string;
  readonly data: Uint8Array;
}

const MAGIC = '!<arch>\n';
const HEADER_SIZE = 60;
const ascii = new TextDecoder('latin1');

function field(bytes: Uint8Array, at: number, length: number): string {
  return ascii.decode(bytes.subarray(at, at + length)).trimEnd();
}

export function readArchive(bytes: Uint8Array): ArchiveMember[] {
  if (ascii.decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new Error('not an ar archive (no !<arch> magic)');
  const members: ArchiveMember[] = [];
  let longNames = '';
  let at = MAGIC.length;
  while (at + HEADER_SIZE <= bytes.length) {
    let name = field(bytes, at, 16);
    const size = Number(field(bytes, at + 48, 10));
    if (ascii.decode(bytes.subarray(at + 58, at + 60)) !== '`\n' || !Number.isInteger(size) || size < 0) {
      throw new Error(`corrupt ar member header at offset ${at}`);
    }
    let dataStart = at + HEADER_SIZE;
    let dataSize = size;
    if (name.startsWith('#1/')) {
      const nameLength = Number(name.slice(3)); // BSD: the name precedes the data
      name = ascii.decode(bytes.subarray(dataStart, dataStart + nameLength)).replace(/\0+$/, '');
      dataStart += nameLength;
      dataSize -= nameLength;
    }
    const data = bytes.subarray(dataStart, dataStart + dataSize);
    if (dataStart + dataSize > bytes.length) throw new Error(`ar member ${name} runs past the end of the archive`);
    if (name === '//') {
      longNames = ascii.decode(data);
    } else if (name !== '/' && name !== '/SYM64/' && name !== '__.SYMDEF' && name !== '__.SYMDEF SORTED') {
      if (/^\/\d+$/.test(name)) {
        const start = Number(name.slice(1));
        const end = longNames.indexOf('\n', start);
        name = longNames.slice(start, end < 0 ? undefined : end);
      }
      members.push({ name: name.replace(/\/$/, ''), data });
    }
    at = dataStart + dataSize + ((dataStart + dataSize) % 2);
  }
  return members;
}

/** LLVM bitcode, raw ('BC' 0xC0DE) or in its wrapper (0x0B17C0DE). */
export function isBitcode(data: Uint8Array): boolean {
  const raw = data[0] === 0x42 && data[1] === 0x43 && data[2] === 0xc0 && data[3] === 0xde;
  const wrapped = data[0] === 0xde && data[1] === 0xc0 && data[2] === 0x17 && data[3] === 0x0b;
  return raw || wrapped;
}

/** The one bitcode member of a staticlib built with lto = "fat" and codegen-units = 1. */
export function extractBitcode(archive: Uint8Array, label: string): Uint8Array {
  const members = readArchive(archive);
  const bitcode = members.filter((member) => isBitcode(member.data));
  const only = bitcode[0];
  if (bitcode.length !== 1 || !only) {
    throw new Error(
      `${label}: expected exactly one LLVM bitcode member, found ${bitcode.length} ` +
        `(members: ${members.map((m) => m.name).join(', ') || 'none'}); the crate needs lto = "fat" and codegen-units = 1`,
    );
  }
  return only.data;
}
