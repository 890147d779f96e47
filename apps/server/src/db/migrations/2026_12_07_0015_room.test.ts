import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../test-support/migrations';
import { testDatabases } from '../../test-support/test-databases';

describe.each(testDatabases)('migration 2026_12_07_0015_room ($name)', (database) => {
  it('admits observer seats and keeps every seat, guardian link and advance consent', async () => {
    const open = await migratedTo(database, '2026_12_07_0014_auth_hardening');
    try {
      const { db } = open;

      const at = '2026-11-01T00:00:00.000Z';
      await sql`insert into sessions (id, title, room_name, created_at) values ('s1', 'Maths', 'room-1', ${at})`.execute(
        db,
      );
      const seat = (id: string, role: string, position: number) => sql`
        insert into people (id, session_id, name, role, minor, livekit_identity, position, created_at)
        values (${id}, 's1', ${id}, ${role}, ${role === 'student' ? 1 : 0}, ${`lk-${id}`}, ${position}, ${at})`;
      await seat('p-tutor', 'tutor', 0).execute(db);
      await seat('p-child', 'student', 1).execute(db);
      await seat('p-parent', 'guardian', 2).execute(db);
      await sql`insert into guardian_links (session_id, guardian_person_id, student_person_id)
        values ('s1', 'p-parent', 'p-child')`.execute(db);
      const pg = database.name === 'postgres';
      await sql`insert into users (id, name, email, email_verified, role, created_at, updated_at)
        values ('u1', 'Pat', 'pat@example.org', ${pg ? sql`true` : sql`1`}, 'guardian', ${at}, ${at})`.execute(
        db,
      );
      await sql`insert into advance_consents (id, session_id, student_person_id, guardian_person_id,
          guardian_user_id, purposes, policy_version, at)
        values ('ac1', 's1', 'p-child', 'p-parent', 'u1', '[]', 1, ${at})`.execute(db);
      await expect(seat('p-early', 'observer', 3).execute(db)).rejects.toThrow();

      await open.toLatest();
      await seat('p-observer', 'observer', 3).execute(db);
      await expect(seat('p-bad', 'spectator', 4).execute(db)).rejects.toThrow();
      const people = await sql<{ id: string; role: string; removed_at: string | null }>`
        select id, role, removed_at from people order by position`.execute(db);
      expect(people.rows).toEqual([
        { id: 'p-tutor', role: 'tutor', removed_at: null },
        { id: 'p-child', role: 'student', removed_at: null },
        { id: 'p-parent', role: 'guardian', removed_at: null },
        { id: 'p-observer', role: 'observer', removed_at: null },
      ]);
      const links = await sql`select guardian_person_id, student_person_id from guardian_links`.execute(db);
      expect(links.rows).toEqual([{ guardian_person_id: 'p-parent', student_person_id: 'p-child' }]);
      const advance = await sql`select student_person_id from advance_consents`.execute(db);
      expect(advance.rows).toEqual([{ student_person_id: 'p-child' }]);
      await expect(seat('p-tutor', 'tutor', 5).execute(db)).rejects.toThrow();
      await expect(
        sql`insert into guardian_links (session_id, guardian_person_id, student_person_id)
          values ('s1', 'p-nobody', 'p-child')`.execute(db),
      ).rejects.toThrow();
    } finally {
      await open.close();
    }
  });
});
