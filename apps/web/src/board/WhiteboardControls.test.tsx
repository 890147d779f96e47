// @vitest-environment jsdom
import { RoomContext } from '@livekit/components-react';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Room, RoomEvent } from 'livekit-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CallSession, CallSessionContext } from '../call/call-session';
import { requestsMade, stubApi } from '../test-support/stub-api';
import { useBoardStatus } from './board-store';
import { useBoardStatusFeed } from './useBoardStatusFeed';
import { WhiteboardControls } from './WhiteboardControls';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Seat = 'tutor' | 'student' | 'admin observer' | 'reviewer observer';

/** The seat as the join answer describes it: the server says who runs the board. */
const sessionAs = (seat: Seat) =>
  ({
    inviteToken: 'invite-token',
    personId: `per_${seat.replace(' ', '_')}`,
    role: seat.endsWith('observer') ? 'observer' : seat,
    runsBoard: seat === 'tutor' || seat === 'admin observer',
    consentScope: { consentsFor: [], needsGuardian: false },
    commands: {},
  }) as unknown as CallSession;

function Feed({ room }: { room: Room }) {
  useBoardStatusFeed(room);
  return null;
}

function renderControls(role: Seat) {
  const room = new Room();
  render(
    <RoomContext.Provider value={room}>
      <CallSessionContext value={sessionAs(role)}>
        <Feed room={room} />
        <WhiteboardControls />
      </CallSessionContext>
    </RoomContext.Provider>,
  );
  const fromServer = (packet: unknown, sender?: { identity: string }) =>
    act(() => {
      room.emit(
        RoomEvent.DataReceived,
        new TextEncoder().encode(JSON.stringify(packet)),
        sender as never,
        undefined,
        'board',
      );
    });
  return { room, fromServer };
}

describe('the whiteboard controls', () => {
  it('let the tutor open the board for everyone, then lock and unlock it', async () => {
    const fetchMock = stubApi((method, path) => {
      if (method === 'POST' && path === '/api/call/board/open')
        return { body: { open: true, locked: false } };
      if (method === 'POST' && path === '/api/call/board/lock') return { body: { open: true, locked: true } };
      return undefined;
    });
    renderControls('tutor');
    const button = screen.getByRole('button', { name: 'Whiteboard' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Lock whiteboard' })).toBeNull();
    await userEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Lock whiteboard' }));
    expect(screen.getByRole('button', { name: 'Unlock whiteboard' })).toBeTruthy();
    expect(requestsMade(fetchMock)).toEqual(['POST /api/call/board/open', 'POST /api/call/board/lock']);
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({ open: true });
  });

  it('say so when the server refuses', async () => {
    stubApi(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'No.' } } }));
    renderControls('tutor');
    await userEvent.click(screen.getByRole('button', { name: 'Whiteboard' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Whiteboard' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('are not there for a student, whose call follows the server’s status packets only', () => {
    const { fromServer } = renderControls('student');
    expect(screen.queryByRole('button', { name: 'Whiteboard' })).toBeNull();
    fromServer({ type: 'status', open: true, locked: true }, { identity: 'someone' });
    expect(useBoardStatus.getState().open).toBe(false);
    fromServer({ type: 'status', open: true, locked: true });
    expect(useBoardStatus.getState()).toMatchObject({ open: true, locked: true });
  });

  it('are there for an admin present in the call, and not for another observer', async () => {
    stubApi((method, path) =>
      method === 'POST' && path === '/api/call/board/open'
        ? { body: { open: true, locked: false } }
        : undefined,
    );
    renderControls('admin observer');
    await userEvent.click(screen.getByRole('button', { name: 'Whiteboard' }));
    expect(screen.getByRole('button', { name: 'Lock whiteboard' })).toBeTruthy();
    cleanup();
    renderControls('reviewer observer');
    expect(screen.queryByRole('button', { name: 'Whiteboard' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Lock whiteboard/ })).toBeNull();
  });

  it('follow the room metadata the server writes', () => {
    const { room } = renderControls('tutor');
    act(() => {
      room.emit(RoomEvent.RoomMetadataChanged, JSON.stringify({ board: { open: true, locked: false } }));
    });
    expect(screen.getByRole('button', { name: 'Whiteboard' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Lock whiteboard' })).toBeTruthy();
  });
});
