// @vitest-environment jsdom
import type { InvitationCreated, Student } from '@assent/shared';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMade, type StubAnswer, stubApi } from '../test-support/stub-api';
import { YourChildren } from './YourChildren';

const child = (patch: Partial<Student>): Student => ({
  id: 's-sam',
  name: 'Sam',
  minor: true,
  guardians: [{ userId: 'u-pat', name: 'Pat', agreed: true }],
  enrolled: true,
  hasSignIn: false,
  doNotRecord: false,
  ...patch,
});

const sam = child({});
const ana = child({ id: 's-ana', name: 'Ana', minor: false, hasSignIn: true });

const created = (patch: Partial<InvitationCreated>): InvitationCreated => ({
  invitationId: 'inv-1',
  email: 'robin@example.org',
  role: 'guardian',
  expiresAt: '2030-01-01T00:00:00.000Z',
  mailed: false,
  link: 'http://assent.test/welcome/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  ...patch,
});

/** The guardian's two children; invitations (every POST) answered by `invite`. */
function stubFamily(invite: (path: string) => StubAnswer) {
  const fetchMock = stubApi((method, path) => {
    if (method === 'GET' && path === '/api/me/students') return { body: { students: [ana, sam] } };
    if (method === 'POST') return invite(path);
    return undefined;
  });
  const bodies = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => JSON.parse(String(init?.body)) as unknown);
  return { fetchMock, bodies };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Your children: inviting for a child', () => {
  it('invites another guardian for one child and shows the link to copy when mail is off', async () => {
    const user = userEvent.setup();
    const { fetchMock, bodies } = stubFamily(() => ({ body: created({}) }));
    render(<YourChildren agreed justAgreed={false} />);

    await user.click(await screen.findByRole('button', { name: 'Invite another guardian for Sam' }));
    const form = screen.getByRole('form', { name: 'Invite another guardian for Sam' });
    expect(form.textContent).toContain("join Sam's sessions and answer for Sam");
    const email = screen.getByLabelText("Other guardian's email");
    expect(document.activeElement).toBe(email);
    await user.type(email, ' robin@example.org ');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(
      await screen.findByText(/Email is not set up here, so send this link to robin@example.org yourself/),
    ).toBeTruthy();
    const link = screen.getByRole('textbox', {
      name: 'Guardian invitation link for Sam',
    }) as HTMLInputElement;
    expect(link.value).toBe(created({}).link);
    expect(requestsMade(fetchMock)).toContain('POST /api/students/s-sam/guardian-invitations');
    expect(bodies()).toEqual([{ email: 'robin@example.org' }]);
    // Ana's own button is still there, untouched.
    expect(screen.getByRole('button', { name: 'Invite another guardian for Ana' })).toBeTruthy();
  });

  it('says the invitation was emailed when mail is set up', async () => {
    const user = userEvent.setup();
    stubFamily(() => ({ body: created({ mailed: true, link: null }) }));
    render(<YourChildren agreed justAgreed={false} />);
    await user.click(await screen.findByRole('button', { name: 'Invite another guardian for Sam' }));
    await user.type(screen.getByLabelText("Other guardian's email"), 'robin@example.org');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    const said = await screen.findByText('Sent to robin@example.org. The link in the email works once.');
    expect(said.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('textbox', { name: /invitation link/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('button', { name: 'Invite another guardian for Sam' })).toBeTruthy();
  });

  it('gives a child without a sign-in their own, and says so for a child who has one', async () => {
    const user = userEvent.setup();
    const { fetchMock, bodies } = stubFamily(() => ({
      body: created({ email: 'sam@example.org', role: 'student' }),
    }));
    render(<YourChildren agreed justAgreed={false} />);

    expect(await screen.findByText('Ana has a sign-in of their own.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Give Ana their own sign-in' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Give Sam their own sign-in' }));
    expect(screen.getByRole('form', { name: 'Give Sam their own sign-in' }).textContent).toContain(
      'You still decide whether their sessions may be recorded.',
    );
    await user.type(screen.getByLabelText("Sam's email"), 'sam@example.org');
    await user.click(screen.getByRole('button', { name: 'Send sign-in link' }));
    const link = (await screen.findByRole('textbox', { name: 'Sign-in link for Sam' })) as HTMLInputElement;
    expect(link.value).toMatch(/\/welcome\//);
    expect(requestsMade(fetchMock)).toContain('POST /api/students/s-sam/invitations');
    expect(bodies()).toEqual([{ email: 'sam@example.org' }]);
  });

  it('shows what the server refused: a bad address beside the field, a taken one above it', async () => {
    const user = userEvent.setup();
    let attempt = 0;
    stubFamily(() => {
      attempt += 1;
      return attempt === 1
        ? {
            status: 400,
            body: {
              error: {
                code: 'validation_failed',
                message: 'The request is not valid',
                issues: [{ path: 'email', message: 'Enter an email address such as name@example.org' }],
              },
            },
          }
        : { status: 409, body: { error: { code: 'email_taken', message: 'Taken' } } };
    });
    render(<YourChildren agreed justAgreed={false} />);
    await user.click(await screen.findByRole('button', { name: 'Invite another guardian for Sam' }));
    const email = screen.getByLabelText("Other guardian's email");
    await user.type(email, 'robin');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('Enter an email address such as name@example.org')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    await user.type(email, '@example.org');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'There is already an account with this email',
    );
  });
});
