import { describe, expect, it } from 'vitest';
import { CreateSessionRequest } from './sessions';

describe('CreateSessionRequest', () => {
  it('takes enrolled students by id and adult guests by name, trimmed', () => {
    const parsed = CreateSessionRequest.parse({
      title: ' Algebra ',
      studentIds: ['s1'],
      guests: [{ name: ' Ana ' }],
    });
    expect(parsed).toEqual({ title: 'Algebra', studentIds: ['s1'], guests: [{ name: 'Ana' }] });
  });

  it('needs someone to teach', () => {
    const result = CreateSessionRequest.safeParse({ title: 'Algebra' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('Pick at least one student or add a guest');
  });

  it('refuses a student picked twice', () => {
    const result = CreateSessionRequest.safeParse({ title: 'Algebra', studentIds: ['s1', 's1'] });
    expect(result.error?.issues.map((i) => i.message)).toContain('A student is picked twice');
  });
});
