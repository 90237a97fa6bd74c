import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMigratedTemplate } from './memory-template';
import { MIGRATIONS } from './migrations';

let template: Awaited<ReturnType<typeof createMigratedTemplate>>;
beforeAll(async () => {
  template = await createMigratedTemplate();
});
afterAll(async () => {
  await template.close();
});

it('clones a migrated database whose writes stay its own', async () => {
  const a = await template.fresh();
  const b = await template.fresh();
  try {
    await a.sql.query("INSERT INTO engine_state (key, value) VALUES ('k', 'a')");
    expect((await a.sql.query('SELECT * FROM engine_state')).rows.length).toBe(1);
    expect((await b.sql.query('SELECT * FROM engine_state')).rows.length).toBe(0);
    expect((await b.sql.query<{ version: number }>('SELECT version FROM schema_migrations')).rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  } finally {
    await a.close();
    await b.close();
  }
});
