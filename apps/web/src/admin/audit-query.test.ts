import { AuditAction, type AuditEntry } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import {
  actionInWords,
  actorInWords,
  auditQueryString,
  chainText,
  detailLines,
  noFilters,
  resolvePerson,
  roleInWords,
  targetInWords,
  targetOf,
} from './audit-query';

const people = [
  { id: 'u_ada', name: 'Ada Lovelace', email: 'ada@example.org' },
  { id: 'u_sam1', name: 'Sam', email: 'sam.one@example.org' },
  { id: 'u_sam2', name: 'Sam', email: 'sam.two@example.org' },
];

const entry: AuditEntry = {
  seq: 7,
  at: '2026-03-01T10:00:00.000Z',
  actorUserId: 'u_ada',
  actorName: 'Ada Lovelace',
  actorRole: 'admin',
  action: 'policy.update',
  targetType: 'user',
  targetId: 'u_ada',
  outcome: 'done',
  detail: { version: 3, changed: ['noticeText'] },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

describe('auditQueryString', () => {
  it('asks for the newest page when nothing is filtered', () => {
    expect(auditQueryString(noFilters, people)).toEqual({ ok: true, query: 'limit=50' });
  });

  it('turns every filter into the parameter the API takes', () => {
    const result = auditQueryString(
      { person: 'ADA@example.org ', target: ' ses_abc ', action: 'policy.', outcome: 'denied' },
      people,
      120,
    );
    expect(result).toEqual({
      ok: true,
      query:
        'actorUserId=u_ada&targetType=session&targetId=ses_abc&actionPrefix=policy.&outcome=denied&limit=50&before=120',
    });
  });

  it('takes any id that is not a session’s as a recording’s', () => {
    expect(targetOf('EG_x1')).toEqual({ targetType: 'recording', targetId: 'EG_x1' });
    expect(targetOf('  ')).toBeUndefined();
  });

  it('refuses a name two people share, and says what to use instead', () => {
    expect(auditQueryString({ ...noFilters, person: 'sam' }, people)).toEqual({
      ok: false,
      fields: { person: 'More than one person is called sam: use their email address' },
    });
  });
});

describe('resolvePerson', () => {
  it('finds people by id, email or name, and takes anything else as an id', () => {
    expect(resolvePerson('u_sam2', people)).toEqual({ ok: true, userId: 'u_sam2' });
    expect(resolvePerson('sam.one@example.org', people)).toEqual({ ok: true, userId: 'u_sam1' });
    expect(resolvePerson('ada lovelace', people)).toEqual({ ok: true, userId: 'u_ada' });
    expect(resolvePerson('u_gone', people)).toEqual({ ok: true, userId: 'u_gone' });
    expect(resolvePerson('', people)).toEqual({ ok: true, userId: undefined });
  });
});

describe('entries in words', () => {
  it('names known actions and roles, and shows unknown ones exactly', () => {
    expect(actionInWords('policy.update')).toBe('Change the recording policy');
    expect(actionInWords('vault.rekey')).toBe('vault.rekey');
    for (const action of AuditAction.options) expect(actionInWords(action)).not.toBe(action);
    expect(roleInWords('reviewer')).toBe('Reviewer (quality and safeguarding)');
    expect(roleInWords('egress')).toBe('egress');
    expect(roleInWords(null)).toBe('—');
  });

  it('names the target, using a person’s name when the page knows it', () => {
    expect(targetInWords(entry, people)).toBe('Person: Ada Lovelace');
    expect(targetInWords({ ...entry, targetType: 'session', targetId: 'ses_1' }, people)).toBe(
      'Session ses_1',
    );
    expect(targetInWords({ ...entry, targetType: null, targetId: null }, people)).toBe('—');
  });

  it('says who acted, even when the account is gone or there was none', () => {
    expect(actorInWords(entry)).toBe('Ada Lovelace');
    expect(actorInWords({ ...entry, actorName: null })).toBe('Account u_ada (no longer exists)');
    expect(actorInWords({ ...entry, actorName: null, actorUserId: null })).toBe('System (no account)');
  });

  it('lists details as key: value', () => {
    expect(detailLines(entry.detail)).toEqual(['version: 3', 'changed: ["noticeText"]']);
  });

  it('puts a policy edit’s changes in words', () => {
    const changes = [{ field: 'withdrawalRule', before: 'keep', after: 'erase' }];
    expect(detailLines({ version: 8, changes })).toEqual([
      'version: 8',
      'On withdrawal: erase the session’s recordings, was keep earlier recordings',
    ]);
    expect(detailLines({ changes: [1, 2] })).toEqual(['changes: [1,2]']);
  });

  it('names policy versions as targets', () => {
    expect(targetInWords({ ...entry, targetType: 'policy', targetId: '8' }, people)).toBe('Policy version 8');
    expect(targetInWords({ ...entry, targetType: 'policy', targetId: 'versions' }, people)).toBe(
      'Policy versions',
    );
  });
});

describe('chainText', () => {
  const verified = { intact: true, entries: 12, lastSeq: 12, lastHash: 'c'.repeat(64) };
  it('says the chain is intact and how long it is', () => {
    expect(chainText({ kind: 'ready', data: verified })).toBe('Chain intact — 12 entries');
    expect(chainText({ kind: 'ready', data: { ...verified, entries: 1 } })).toBe('Chain intact — 1 entry');
  });

  it('says where the chain breaks and why', () => {
    const broken = {
      ...verified,
      intact: false,
      brokenAt: { seq: 5, reason: 'hash does not match its contents' },
    };
    expect(chainText({ kind: 'ready', data: broken })).toBe(
      'Chain broken at entry 5: hash does not match its contents',
    );
  });
});
