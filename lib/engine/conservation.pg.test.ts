import { describe, it } from 'vitest';
import { defineConservationSuite } from './conservation-suite';

if (process.env.TEST_DATABASE_URL) {
  defineConservationSuite('postgres', 6);
} else {
  describe('conservation on postgres', () => {
    it.skip('needs TEST_DATABASE_URL; skipped', () => undefined);
  });
}
