import { describe, expect, it } from 'vitest';
import { AuditAction, auditActionInWords, auditActionWords } from './actions';
import { AuditDeniedDetail, AuditLooseDetail, auditDetailSchema, auditDetailSchemas } from './details';

describe('the audit vocabulary', () => {
  it('has words for every action, and no words for an action it does not list', () => {
    const listed = [...AuditAction.options].sort();
    expect(Object.keys(auditActionWords).sort()).toEqual(listed);
    for (const action of listed) expect(auditActionWords[action].trim()).not.toBe('');
  });

  it('lists each action once, as a dotted lower-case word', () => {
    expect(new Set(AuditAction.options).size).toBe(AuditAction.options.length);
    for (const action of AuditAction.options) expect(action).toMatch(/^[a-z][a-z_]*\.[a-z][a-z_]*$/);
  });

  it('names known actions in words and shows any other stored word exactly', () => {
    expect(auditActionInWords('policy.update')).toBe('Change the recording policy');
    expect(auditActionInWords('vault.rekey')).toBe('vault.rekey');
  });

  it('gives detail schemas only to actions it lists', () => {
    for (const action of Object.keys(auditDetailSchemas)) expect(AuditAction.options).toContain(action);
  });
});

describe('audit details', () => {
  it('checks a detailed action’s detail and lets the others be any object', () => {
    const view = {
      sessionId: 'ses_1',
      purpose: 'quality_assurance',
      purposeLabel: 'Quality assurance',
      access: 'investigation',
      viewId: 'view_1',
      reportIds: ['rep_1'],
    };
    expect(auditDetailSchema('recording.view').safeParse(view).success).toBe(true);
    expect(auditDetailSchema('recording.view').safeParse({ access: 'investigation' }).success).toBe(false);
    expect(
      auditDetailSchema('recording.destroyed').safeParse({ sessionId: 's', reason: 'x', detail: '' }).success,
    ).toBe(false);
    expect(auditDetailSchema('auth.sign_in')).toBe(AuditLooseDetail);
    expect(auditDetailSchema('auth.sign_in').safeParse({ anything: [1, 2] }).success).toBe(true);
  });

  it('reads a refusal’s detail with its request, its reason and whatever else names the attempt', () => {
    const refusal = {
      method: 'POST',
      path: '/api/x',
      reason: 'link_expired',
      sessionId: 'ses_1',
      via: 'invite',
    };
    expect(AuditDeniedDetail.parse(refusal)).toEqual(refusal);
    expect(AuditDeniedDetail.safeParse({ reason: 3 }).success).toBe(false);
  });
});
