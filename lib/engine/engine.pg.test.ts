import { describe, it } from 'vitest';
import { defineEngineSuite } from './engine-suite';

if (process.env.TEST_DATABASE_URL) {
  defineEngineSuite('postgres');
} else {
  describe('engine on postgres', () => {
    it.skip('needs TEST_DATABASE_URL (e.g. postgres://user:pass@localhost:5432/db); skipped', () => undefined);
  });
}
