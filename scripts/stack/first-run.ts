/**
 * What the runner tells the person who started it about the first administrator: the server logs either
 * its one-time link (a fresh install) or that an administrator exists, right after it starts listening.
 */

export type FirstRun =
  | { kind: 'link'; link: string }
  | { kind: 'administrator_exists' }
  | { kind: 'unknown' };

/** The newest first-run news in a stretch of the server's log (pino JSON lines), if any. */
export function readFirstRun(log: string): FirstRun | undefined {
  let news: FirstRun | undefined;
  for (const line of log.split('\n')) {
    if (!line.includes('"firstRun')) continue;
    try {
      const entry = JSON.parse(line) as { firstRunLink?: unknown; firstRun?: unknown };
      if (typeof entry.firstRunLink === 'string') news = { kind: 'link', link: entry.firstRunLink };
      else if (entry.firstRun === 'administrator_exists') news = { kind: 'administrator_exists' };
    } catch {
      // A line still being written; the next look will have it whole.
    }
  }
  return news;
}

/** Waits for the server to say which it is; `unknown` if it has not within `timeoutMs`. */
export async function waitForFirstRun(logSinceStart: () => string, timeoutMs = 15_000): Promise<FirstRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const news = readFirstRun(logSinceStart());
    if (news) return news;
    if (Date.now() > deadline) return { kind: 'unknown' };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The runner's closing lines: never "create a session" while nobody can sign in to do it. */
export function readyLines(webUrl: string, firstRun: FirstRun, serverLog: string): string[] {
  switch (firstRun.kind) {
    case 'link':
      return [
        'Assent is running. No administrator yet: create the first one with this one-time link:',
        `    ${firstRun.link}`,
        `It works once; every start prints a new one until an administrator exists. Then open ${webUrl}.`,
      ];
    case 'administrator_exists':
      return [`Assent is running. Open ${webUrl} to create a session.`];
    case 'unknown':
      return [
        `Assent is running at ${webUrl}.`,
        `On a first run, the one-time link to create the first administrator is in ${serverLog}.`,
      ];
  }
}
