import { describe, expect, it } from 'vitest';
import { classifyDeviceError } from './media-failure';

const named = (name: string) => new DOMException('device error', name);

describe('classifyDeviceError', () => {
  it.each([
    ['NotAllowedError', 'blocked'],
    ['NotFoundError', 'missing'],
    ['NotReadableError', 'in-use'],
    ['AbortError', 'other'],
  ] as const)('says a %s is %s', (name, problem) => {
    expect(classifyDeviceError(named(name))).toBe(problem);
  });

  it('says anything else is other', () => {
    expect(classifyDeviceError(new Error('boom'))).toBe('other');
  });
});
