import { describe, expect, it } from 'vitest';
import { readFirstRun, readyLines, waitForFirstRun } from './first-run';

const link = 'http://127.0.0.1:8787/welcome/abc123';
const linkLine = JSON.stringify({ level: 40, firstRunLink: link, msg: `No administrator yet. ${link}` });
const existsLine = JSON.stringify({
  level: 30,
  firstRun: 'administrator_exists',
  msg: 'An administrator exists',
});
const other = JSON.stringify({ level: 30, msg: 'assent server listening' });

describe('what the runner says when Assent is up', () => {
  it('shows a fresh install the one-time administrator link, and no "create a session" yet', () => {
    const lines = readyLines('http://127.0.0.1:8787', { kind: 'link', link }, '/data/logs/server.log');
    expect(lines.join('\n')).toContain(link);
    expect(lines.join('\n')).toContain('No administrator yet');
    expect(lines.join('\n')).not.toMatch(/create a session/i);
  });

  it('sends people to the app once an administrator exists', () => {
    expect(readyLines('http://127.0.0.1:8787', { kind: 'administrator_exists' }, 'x')).toEqual([
      'Assent is running. Open http://127.0.0.1:8787 to create a session.',
    ]);
  });

  it('says where the link is when the server never said which it was', () => {
    const text = readyLines('http://127.0.0.1:8787', { kind: 'unknown' }, '/data/logs/server.log').join('\n');
    expect(text).toContain('/data/logs/server.log');
    expect(text).not.toMatch(/create a session/i);
  });
});

describe("reading the server's first-run news", () => {
  it('finds the link or the administrator among other lines, the newest winning', () => {
    expect(readFirstRun([other, linkLine, other].join('\n'))).toEqual({ kind: 'link', link });
    expect(readFirstRun([linkLine, existsLine].join('\n'))).toEqual({ kind: 'administrator_exists' });
    expect(readFirstRun(other)).toBeUndefined();
    expect(readFirstRun(linkLine.slice(0, 30))).toBeUndefined();
  });

  it('waits for the server to write it', async () => {
    let log = other;
    setTimeout(() => {
      log += `\n${linkLine}\n`;
    }, 300);
    expect(await waitForFirstRun(() => log, 5000)).toEqual({ kind: 'link', link });
    expect(await waitForFirstRun(() => other, 300)).toEqual({ kind: 'unknown' });
  });
});
