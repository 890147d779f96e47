/**
 * Chat message send → others received, against the real stack: three people in a call in headless
 * Chromium (our own call page), one sends through `POST /api/call/chat`, and each other page notes when
 * the message reaches its polite live region (stored by the server, sent to the room by the server over
 * LiveKit data, parsed and shown by the page). One machine, one clock: Node's Date.now() at the send and
 * each page's Date.now() at the announcement.
 */
import type { Browser, Page } from 'playwright-core';
import { type BenchStack, benchDataDir, startBenchStack } from '../recording/bench-stack';
import { signInBenchTutor } from '../recording/bench-tutor';
import { joinCall, launchChromium } from '../recording/call-pages';
import { createBenchSession, type Invitee } from '../recording/session-api';
import { type LatencySummary, summarize } from '../stats';

export interface ChatBenchResult {
  messages: number;
  receivers: number;
  /** Send started → the message announced on another person's page. */
  sendToReceived: LatencySummary;
  /** Send started → the server's 201 (stored, audited and handed to LiveKit). */
  sendResponse: LatencySummary;
  dataDir: string;
}

/** Records, in the page, the first moment each `bench N` message reaches the polite live region. */
const watchAnnouncements = `(() => {
  window.__chatSeen = {};
  const note = () => {
    const region = document.querySelector('[aria-live="polite"]');
    const match = region && /bench (\\d+)/.exec(region.textContent || '');
    if (match && window.__chatSeen[match[1]] === undefined) window.__chatSeen[match[1]] = Date.now();
  };
  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

async function send(baseUrl: string, sender: Invitee, text: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/call/chat`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: baseUrl,
      authorization: `Bearer ${sender.inviteToken}`,
    },
    body: JSON.stringify({ text }),
  });
  if (response.status !== 201) throw new Error(`send: HTTP ${response.status} ${await response.text()}`);
  return Date.now();
}

/** Polls the page (its own timestamp is the measurement; polling only decides when to look). */
async function seenAt(page: Page, n: number, timeoutMs = 10_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const at = await page.evaluate(`window.__chatSeen && window.__chatSeen['${n}']`);
    if (typeof at === 'number') return at;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`message ${n} not announced within ${timeoutMs} ms`);
}

export async function chatBench(options: {
  messages: number;
  gapMs: number;
  log: (message: string) => void;
}): Promise<ChatBenchResult> {
  const { log } = options;
  let stack: BenchStack | undefined;
  let browser: Browser | undefined;
  try {
    stack = await startBenchStack((m) => log(`stack: ${m}`));
    const baseUrl = stack.webUrl;
    const tutorCookie = await signInBenchTutor(stack);
    const session = await createBenchSession(baseUrl, tutorCookie, 'Chat bench', 3);
    browser = await launchChromium();
    const calls = [];
    for (const person of session.people) calls.push(await joinCall(browser, person));
    for (const call of calls) await call.page.evaluate(watchAnnouncements);
    const received: number[] = [];
    const responses: number[] = [];
    for (let n = 0; n < options.messages; n += 1) {
      // Round-robin senders stay under the per-seat limit (10 messages in 10 s).
      const sender = calls[n % calls.length];
      if (!sender) throw new Error('no sender');
      const startedAt = Date.now();
      const answeredAt = await send(baseUrl, sender.person, `bench ${n}`);
      responses.push(answeredAt - startedAt);
      for (const other of calls.filter((c) => c !== sender))
        received.push((await seenAt(other.page, n)) - startedAt);
      await new Promise((r) => setTimeout(r, options.gapMs));
    }
    return {
      messages: options.messages,
      receivers: calls.length - 1,
      sendToReceived: summarize(received),
      sendResponse: summarize(responses),
      dataDir: benchDataDir,
    };
  } finally {
    await browser?.close().catch(() => {});
    await stack?.stop();
  }
}
