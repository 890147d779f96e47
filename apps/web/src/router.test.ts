import { describe, expect, it } from 'vitest';
import { matchRoute } from './router';

describe('matchRoute', () => {
  it('routes the home page', () => {
    expect(matchRoute('/')).toEqual({ page: 'home' });
  });

  it('routes a join link and decodes its token', () => {
    expect(matchRoute('/join/abc.def%2Dx')).toEqual({ page: 'join', inviteToken: 'abc.def-x' });
    expect(matchRoute('/join/abc/')).toEqual({ page: 'join', inviteToken: 'abc' });
  });

  it('treats anything else as not found', () => {
    expect(matchRoute('/join/')).toEqual({ page: 'not-found' });
    expect(matchRoute('/join/a/b')).toEqual({ page: 'not-found' });
    expect(matchRoute('/admin')).toEqual({ page: 'not-found' });
  });
});
