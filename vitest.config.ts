import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('./', import.meta.url));

/**
 * Two projects: `unit` (pure math, engine on PGlite, route handlers called in-process, PostgreSQL suites when
 * one answers) and `integration` (`*.int.test.ts`: spawns built servers; needs `next build` first, run by
 * `scripts/test-all.sh`).
 */
export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    environment: 'node',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['lib/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.int.test.ts'],
      reporter: ['text-summary', 'text'],
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'tests/**/*.test.ts', 'program/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.int.test.ts', 'lib/**/*.int.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
