import { describe, expect, it } from 'vitest';
import { keptErrorsLogger, lastServerErrors } from './kept-errors';

describe("the test apps' kept error lines", () => {
  it('keeps error lines, not quieter ones, with their cause, newest last and only the last few', () => {
    const logger = keptErrorsLogger();
    logger.info('not kept');
    for (let i = 1; i <= 10; i++) logger.error({ err: new Error(`cause ${i}`) }, 'request failed');
    const shown = lastServerErrors(2).split('\n');
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain('cause 9');
    expect(shown[1]).toContain('cause 10');
    expect(lastServerErrors(20)).not.toContain('not kept');
    expect(lastServerErrors(20)).not.toContain('cause 2"');
  });
});
