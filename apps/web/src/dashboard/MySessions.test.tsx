// @vitest-environment jsdom
import type { AccountRole, MySession } from '@assent/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MySessions } from './MySessions';

afterEach(cleanup);

const tutor: AccountRole = 'tutor';

const session: MySession = {
  sessionId: 's1',
  title: 'Algebra, week 3',
  createdAt: '2026-12-01T16:00:00.000Z',
  role: 'tutor',
  joinUrl: null,
  refusal: null,
  children: [],
  people: [{ name: 'Dana Tutor', role: 'tutor' }],
  guardianPresence: [
    {
      personId: 'kit',
      name: 'Kit',
      start: 'present',
      end: 'present',
      guardiansAtStart: [],
      guardiansAtEnd: [],
    },
    {
      personId: 'tom',
      name: 'Tom',
      start: 'missed',
      end: 'in_progress',
      guardiansAtStart: [],
      guardiansAtEnd: [],
    },
    {
      personId: 'ivy',
      name: 'Ivy',
      start: 'not_joined',
      end: 'not_joined',
      guardiansAtStart: [],
      guardiansAtEnd: [],
    },
  ],
};

const ready = (sessions: MySession[]) => ({
  state: { kind: 'ready' as const, data: { sessions } },
  reload: () => {},
  replace: () => {},
});

describe('MySessions', () => {
  it('says per child who joined whether a guardian was there at the start and end', () => {
    render(<MySessions sessions={ready([session])} role={tutor} />);
    const lines = within(screen.getByRole('list', { name: 'A parent or guardian at the start and end' }));
    expect(lines.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Kit: a guardian was there at the start and at the end',
      'Tom: no guardian at the start',
    ]);
  });

  it('says nothing about it where the server sent nothing', () => {
    render(<MySessions sessions={ready([{ ...session, guardianPresence: undefined }])} role={tutor} />);
    expect(screen.queryByRole('list', { name: 'A parent or guardian at the start and end' })).toBeNull();
  });
});
