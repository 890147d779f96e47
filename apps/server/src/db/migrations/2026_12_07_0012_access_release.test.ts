import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../test-support/migrations';
import { testDatabases } from '../../test-support/test-databases';

describe.each(testDatabases)('migration 2026_12_07_0012_access_release ($name)', (database) => {
  it('counts answers given before the release step as released, and leaves open requests open', async () => {
    const open = await migratedTo(database, '2026_12_02_0009_rights');
    try {
      const { db } = open;

      const at = '2026-11-01T00:00:00.000Z';
      const pg = database.name === 'postgres';
      await sql`insert into users (id, name, email, email_verified, role, created_at, updated_at)
        values ('u1', 'Pat', 'pat@example.org', ${pg ? sql`true` : sql`1`}, 'guardian', ${at}, ${at})`.execute(
        db,
      );
      const request = (id: string, status: string, answeredAt: string | null) => sql`
        insert into access_requests (id, requester_user_id, subject_kind, subject_name, status, created_at,
          answered_at, answered_by_user_id, answer)
        values (${id}, 'u1', 'self', 'Pat', ${status}, ${at}, ${answeredAt}, ${answeredAt ? 'u1' : null},
          ${answeredAt ? '{}' : null})`;
      await request('areq_old', 'answered', '2026-11-02T00:00:00.000Z').execute(db);
      await request('areq_open', 'received', null).execute(db);

      await open.toLatest();
      const rows = await sql<{ id: string; released_at: string | null; released_by_user_id: string | null }>`
        select id, released_at, released_by_user_id from access_requests order by id`.execute(db);
      expect(rows.rows).toEqual([
        { id: 'areq_old', released_at: '2026-11-02T00:00:00.000Z', released_by_user_id: 'u1' },
        { id: 'areq_open', released_at: null, released_by_user_id: null },
      ]);
    } finally {
      await open.close();
    }
  });
});
