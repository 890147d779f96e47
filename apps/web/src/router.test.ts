import { describe, expect, it } from 'vitest';
import { inAppPath, matchRoute, safeNextPath, signInPath } from './router';

describe('matchRoute', () => {
  it('routes the home page', () => {
    expect(matchRoute('/')).toEqual({ page: 'home' });
    expect(matchRoute('')).toEqual({ page: 'home' });
  });

  it('routes a join link and decodes its token', () => {
    expect(matchRoute('/join/abc.def%2Dx')).toEqual({ page: 'join', inviteToken: 'abc.def-x' });
    expect(matchRoute('/join/abc/')).toEqual({ page: 'join', inviteToken: 'abc' });
  });

  it('routes an invitation link', () => {
    expect(matchRoute('/welcome/AbC_-123')).toEqual({ page: 'welcome', linkToken: 'AbC_-123' });
    expect(matchRoute('/welcome/abc/')).toEqual({ page: 'welcome', linkToken: 'abc' });
    expect(matchRoute('/forgot-password')).toEqual({ page: 'forgot-password' });
    expect(matchRoute('/reset-password/AbC123xyz')).toEqual({
      page: 'reset-password',
      resetToken: 'AbC123xyz',
    });
    expect(matchRoute('/reset-password/')).toEqual({ page: 'not-found' });
  });

  it('routes a recording and decodes its id', () => {
    expect(matchRoute('/recordings/rec_1%2Da')).toEqual({ page: 'recording', recordingId: 'rec_1-a' });
    expect(matchRoute('/recordings/rec_1/')).toEqual({ page: 'recording', recordingId: 'rec_1' });
  });

  it('routes a session’s talk time and a tutor’s trend', () => {
    expect(matchRoute('/sessions/ses_1/insights')).toEqual({ page: 'session-insights', sessionId: 'ses_1' });
    expect(matchRoute('/insights/tutors/usr%2D1')).toEqual({ page: 'tutor-insights', userId: 'usr-1' });
    expect(matchRoute('/insights/tutors/')).toEqual({ page: 'not-found' });
  });

  it.each([
    ['/sign-in', 'sign-in'],
    ['/account', 'account'],
    ['/account/', 'account'],
    ['/admin/people', 'admin-people'],
    ['/admin/policy', 'admin-policy'],
    ['/admin/audit', 'admin-audit'],
    ['/admin/deletions', 'admin-deletions'],
    ['/recordings', 'recordings'],
    ['/recordings/', 'recordings'],
  ] as const)('routes %s', (path, page) => {
    expect(matchRoute(path)).toEqual({ page });
  });

  it('treats anything else as not found', () => {
    expect(matchRoute('/join/')).toEqual({ page: 'not-found' });
    expect(matchRoute('/join/a/b')).toEqual({ page: 'not-found' });
    expect(matchRoute('/welcome/')).toEqual({ page: 'not-found' });
    expect(matchRoute('/admin')).toEqual({ page: 'not-found' });
    expect(matchRoute('/admin/people/x')).toEqual({ page: 'not-found' });
    expect(matchRoute('/recordings/a/b')).toEqual({ page: 'not-found' });
  });
});

describe('after signing in', () => {
  it('goes back to a path on this site', () => {
    expect(safeNextPath('?next=%2Faccount')).toBe('/account');
    expect(safeNextPath('?next=/admin/audit?page=2')).toBe('/admin/audit?page=2');
  });

  it('refuses anything that could leave the site', () => {
    expect(safeNextPath('')).toBe('/');
    expect(safeNextPath('?next=https://evil.example')).toBe('/');
    expect(safeNextPath('?next=//evil.example')).toBe('/');
    expect(safeNextPath('?next=/\\evil.example')).toBe('/');
  });

  it('builds the sign-in link that returns to a page', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/account')).toBe('/sign-in?next=%2Faccount');
    expect(safeNextPath(new URL(signInPath('/admin/people'), 'http://x').search)).toBe('/admin/people');
  });
});

describe('inAppPath', () => {
  const origin = 'http://127.0.0.1:8787';
  it('turns a link to this site into a path', () => {
    expect(inAppPath(`${origin}/join/abc`, origin)).toBe('/join/abc');
    expect(inAppPath('/account', origin)).toBe('/account');
  });
  it('leaves other sites alone', () => {
    expect(inAppPath('https://example.org/join/abc', origin)).toBeNull();
  });
});
