import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../test-support/migrations';
import { testDatabases } from '../../test-support/test-databases';

describe.each(testDatabases)('migration 2026_11_22_0004_guardian_links ($name)', (database) => {
  it('links every guardian of a session created before links existed to every student in it', async () => {
    const open = await migratedTo(database, '2026_11_22_0003_consent');
    try {
      const { db } = open;

      const at = '2026-11-01T00:00:00.000Z';
      const person = (id: string, session: string, role: string, position: number) => ({
        id,
        session_id: session,
        name: id,
        role: role as 'student',
        minor: 1,
        livekit_identity: `lk_${id}`,
        position,
        created_at: at,
      });
      await db
        .insertInto('sessions')
        .values([
          { id: 's1', title: 'One', room_name: 'r1', created_at: at },
          { id: 's2', title: 'Two', room_name: 'r2', created_at: at },
        ])
        .execute();
      await db
        .insertInto('people')
        .values([
          person('t1', 's1', 'tutor', 0),
          person('a1', 's1', 'student', 1),
          person('b1', 's1', 'student', 2),
          person('g1', 's1', 'guardian', 3),
          person('a2', 's2', 'student', 1),
          person('g2', 's2', 'guardian', 2),
          person('h2', 's2', 'guardian', 3),
        ])
        .execute();

      await open.toLatest();
      const links = await db.selectFrom('guardian_links').selectAll().execute();
      expect(
        links.map((l) => `${l.session_id}:${l.guardian_person_id}→${l.student_person_id}`).sort(),
      ).toEqual(['s1:g1→a1', 's1:g1→b1', 's2:g2→a2', 's2:h2→a2']);
    } finally {
      await open.close();
    }
  });
});
