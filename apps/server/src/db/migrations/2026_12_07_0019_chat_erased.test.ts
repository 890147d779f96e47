import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../test-support/migrations';
import { testDatabases } from '../../test-support/test-databases';

describe.each(testDatabases)('migration 2026_12_07_0019_chat_erased ($name)', (database) => {
  it('keeps every earlier message and its text, none of them erased', async () => {
    const open = await migratedTo(database, '2026_12_07_0018_share_grant');
    try {
      const { db } = open;
      const at = '2026-11-01T00:00:00.000Z';
      await sql`insert into sessions (id, title, room_name, created_at) values ('s1', 'Maths', 'room-1', ${at})`.execute(
        db,
      );
      await sql`insert into chat_messages (id, session_id, sender_person_id, sender_identity, sender_name,
          sender_role, text, sent_at)
        values ('m1', 's1', 'p1', 'lk-p1', 'Sam', 'student', 'hello', ${at})`.execute(db);
      await open.toLatest();
      const rows = await db.selectFrom('chat_messages').select(['id', 'text', 'erased_at']).execute();
      expect(rows).toEqual([{ id: 'm1', text: 'hello', erased_at: null }]);
    } finally {
      await open.close();
    }
  });
});
