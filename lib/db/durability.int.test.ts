/**
 * An acknowledged action survives SIGKILL of the process (embedded PGlite in DATA_DIR, default durability).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPgliteDatabase } from './pglite';

describe('PGlite durability', () => {
  it('keeps an acknowledged action after SIGKILL', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pglite-durability-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'durability-child.ts'), dir], {
        cwd: path.join(__dirname, '..', '..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('ACK')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const db = await openPgliteDatabase(dir);
      try {
        const { rows } = await db.sql.query<{ amount: string }>("SELECT amount::text FROM balances WHERE owner = 'durable'");
        expect(rows[0]?.amount).toBe('1234567');
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
