// Starts the built app for Playwright: builds first when there is no build, then server.ts (what `npm start` runs) on $PORT with a
// fresh DATA_DIR (removed on exit), the local network on and the manual oracle.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!existsSync('.next/BUILD_ID')) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const dataDir = mkdtempSync(join(tmpdir(), 'perps-e2e-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts', '-p', process.env.PORT ?? '3000', '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir, DEVNET: '1', ORACLE: process.env.E2E_ORACLE ?? 'manual', DATABASE_URL: '' },
});
const stop = () => {
  child.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
