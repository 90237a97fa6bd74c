/** Checks a `solana-keygen` keypair file (a JSON array of 64 bytes) without loading the key into a signer. */
import { readFileSync } from 'node:fs';

/** Undefined when `path` holds a keypair; else what is wrong, as the end of a sentence naming the variable. */
export function keypairFileProblem(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `names ${path}, which cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})`;
  }
  let bytes: unknown;
  try {
    bytes = JSON.parse(text);
  } catch {
    bytes = undefined;
  }
  if (!Array.isArray(bytes) || bytes.length !== 64 || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) {
    return `names ${path}, which is not a keypair file (solana-keygen's JSON array of 64 bytes)`;
  }
  return undefined;
}
