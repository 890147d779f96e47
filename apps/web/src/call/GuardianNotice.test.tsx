// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuardianNotice, MinorsInCall } from './GuardianNotice';

const inRoom = vi.hoisted(() => ({ personIds: [] as string[] }));

vi.mock('@livekit/components-react', () => ({
  useRemoteParticipants: () =>
    inRoom.personIds.map((id) => ({ identity: `lk-${id}`, attributes: { 'assent.person': id } })),
}));

afterEach(cleanup);

const minors = [{ personId: 'kit', name: 'Kit', guardianPersonIds: ['pat'] }];

function renderNotice(given = minors) {
  return render(
    <MinorsInCall minors={given}>
      <GuardianNotice />
    </MinorsInCall>,
  );
}

describe('GuardianNotice', () => {
  it('tells the host while a child is in the call without a guardian, politely', () => {
    inRoom.personIds = ['kit'];
    const { container, rerender } = renderNotice();
    expect(screen.getByText('No parent or guardian is here for Kit.')).toBeTruthy();
    expect(
      screen.getByText('A parent or guardian should be present at the start and end of the session.'),
    ).toBeTruthy();
    expect(container.querySelector('[aria-live="polite"]')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();

    inRoom.personIds = ['kit', 'pat'];
    rerender(
      <MinorsInCall minors={[...minors]}>
        <GuardianNotice />
      </MinorsInCall>,
    );
    expect(screen.queryByText(/No parent or guardian/)).toBeNull();
  });

  it('shows nothing in the call of anyone who is not the host', () => {
    inRoom.personIds = ['kit'];
    const { container } = renderNotice([]);
    expect(container.innerHTML).toBe('');
  });
});
