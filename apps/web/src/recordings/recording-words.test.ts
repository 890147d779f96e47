import { describe, expect, it } from 'vitest';
import {
  accessInWords,
  consentKindInWords,
  deletionReasonInWords,
  recordingAuditPath,
  roleInWords,
} from './recording-words';

describe('recording words', () => {
  it('says why the reader may see a recording', () => {
    expect(accessInWords({ access: 'purpose_viewer', purposeLabel: 'Quality assurance' })).toBe(
      'Your role may watch recordings made for quality assurance',
    );
    expect(accessInWords({ access: 'own_session', purposeLabel: 'x' })).toBe('You tutored this session');
    expect(accessInWords({ access: 'attended', purposeLabel: 'x' })).toBe('You took part in this session');
  });

  it('names consents, roles and deletion reasons', () => {
    expect(consentKindInWords('withdraw')).toBe('Withdrew consent');
    expect(roleInWords('guardian')).toBe('Parent or guardian');
    expect(roleInWords('egress')).toBe('egress');
    expect(deletionReasonInWords('retention')).toBe('Its retention period ended');
  });

  it('links to the audit log filtered to one recording', () => {
    expect(recordingAuditPath('rec 1')).toBe('/admin/audit?targetType=recording&targetId=rec+1');
  });
});
