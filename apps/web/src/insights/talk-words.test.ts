import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  bandInWords,
  clockOf,
  consentEventInWords,
  engagingInWords,
  percentInWords,
  secondsInWords,
} from './talk-words';

const lines = { engagingPercent: 10, lowPercent: 25, highPercent: 50 };

describe('talk time in words', () => {
  it('says lengths and clock times as people read them', () => {
    expect(secondsInWords(4.6)).toBe('5 s');
    expect(secondsInWords(125)).toBe('2 min 5 s');
    expect(secondsInWords(120)).toBe('2 min');
    expect(secondsInWords(3780)).toBe('1 h 3 min');
    expect(clockOf(5)).toBe('0:05');
    expect(clockOf(750)).toBe('12:30');
    expect(clockOf(3723)).toBe('1:02:03');
  });

  it('names each band with the policy’s own lines, and the engaging line', () => {
    expect(bandInWords('low', lines)).toBe('Low: learners spoke less than 25 % of the time');
    expect(bandInWords('middle', lines)).toContain('between 25 % and 50 %');
    expect(bandInWords('high', { ...lines, highPercent: 40 })).toContain('40 % of the time or more');
    expect(bandInWords(null, lines)).toBe('No band: nobody spoke');
    expect(engagingInWords(12, lines)).toMatch(/^Highly engaging/);
    expect(engagingInWords(9.6, lines)).toMatch(/^Below the 10 % line/);
    expect(engagingInWords(null, lines)).toBeNull();
    expect(percentInWords(33.4)).toBe('33 %');
    expect(percentInWords(null)).toBe('no talk measured');
  });

  it('says consent events, and keeps an unknown kind readable', () => {
    expect(consentEventInWords('withdrawn', 'Sam')).toBe('Sam withdrew consent');
    expect(consentEventInWords('recording_started', null)).toBe('Recording started');
    expect(consentEventInWords('declined', null)).toBe('Someone declined');
    expect(consentEventInWords('cancelled', 'Tina')).toBe('Tina cancelled the request to record');
    expect(consentEventInWords('guardian_left', 'Gia')).toBe('guardian left: Gia');
  });

  it('puts a handful of round ticks on any axis', () => {
    expect(axisTicks(27)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(axisTicks(3000)).toEqual([0, 600, 1200, 1800, 2400, 3000]);
    expect(axisTicks(0)).toEqual([0]);
    expect(axisTicks(40000).length).toBeLessThanOrEqual(7);
  });
});
