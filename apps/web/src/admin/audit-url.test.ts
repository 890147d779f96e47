import { describe, expect, it } from 'vitest';
import { auditQueryString, noFilters } from './audit-query';
import { auditPagePath, filtersFromSearch, hasFilters, personAuditPath } from './audit-url';

describe('the audit page’s address', () => {
  it('reads a recording’s filter from the API’s parameter names', () => {
    const filters = filtersFromSearch('?targetType=recording&targetId=rec_1');
    expect(filters).toEqual({ ...noFilters, target: 'rec_1', targetType: 'recording' });
    expect(auditQueryString(filters, [])).toEqual({
      ok: true,
      query: 'targetType=recording&targetId=rec_1&limit=50',
    });
  });

  it('reads a person, an action group and an outcome', () => {
    expect(filtersFromSearch('?actorUserId=u_ada&actionPrefix=recording.&outcome=denied')).toEqual({
      person: 'u_ada',
      target: '',
      action: 'recording.',
      outcome: 'denied',
    });
    expect(filtersFromSearch('?person=ada%40example.org').person).toBe('ada@example.org');
  });

  it('ignores what it does not know', () => {
    expect(filtersFromSearch('?outcome=maybe&targetType=recording&page=2')).toEqual(noFilters);
    expect(filtersFromSearch('')).toEqual(noFilters);
  });

  it('keeps the target type a link gave, so a person as target is not taken for a recording', () => {
    const filters = filtersFromSearch('?targetType=user&targetId=u_sam');
    expect(auditQueryString(filters, [])).toMatchObject({ query: 'targetType=user&targetId=u_sam&limit=50' });
  });

  it('writes filters back into an address that reads the same', () => {
    const filters = {
      person: 'Ada ',
      target: 'rec_1',
      targetType: 'recording',
      action: 'recording.',
      outcome: '' as const,
    };
    const path = auditPagePath(filters);
    expect(path).toBe('/admin/audit?person=Ada&targetType=recording&targetId=rec_1&actionPrefix=recording.');
    expect(filtersFromSearch(new URL(path, 'http://x').search)).toEqual({ ...filters, person: 'Ada' });
    expect(auditPagePath(noFilters)).toBe('/admin/audit');
    expect(hasFilters(noFilters)).toBe(false);
    expect(hasFilters({ ...noFilters, outcome: 'denied' })).toBe(true);
  });

  it('links to one person’s entries', () => {
    expect(personAuditPath('u_ada')).toBe('/admin/audit?actorUserId=u_ada');
  });
});
