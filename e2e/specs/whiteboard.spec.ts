/**
 * The session whiteboard against the real stack: the tutor opens it as everyone's main stage, the
 * student's freehand strokes reach the tutor through the server (timed), a late joiner sees the board,
 * the tutor locks it (the server refuses the student, whose editor is read-only), and after the tutor
 * ends the session the board is kept with it: its elements, its picture and the page that shows them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MySessionList, SavedBoard } from '@assent/shared';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { screensDir } from '../fixtures/screens';
import { createSession, inviteUrlFor, joinCall, openInvite } from '../fixtures/session';
import { expect, test } from '../fixtures/test';

const boardOf = (page: Page) => page.getByRole('region', { name: 'Whiteboard', exact: true });
const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');

interface SceneElement {
  id: string;
  type: string;
  version: number;
}

/** What this page's board shows, through the board module's test hook. */
const sceneOf = (page: Page) =>
  page.evaluate(
    () =>
      (window.__assentBoard?.elements() ?? []).map((e) => {
        const { id, type, version } = e as SceneElement;
        return { id, type, version };
      }) as SceneElement[],
  );

declare global {
  interface Window {
    __assentBoard?: { elements: () => readonly unknown[]; revision: () => number };
    __seen?: Record<string, number>;
  }
}

/** Notes, every few milliseconds, when each version of each element first shows on this page's board. */
async function watchArrivals(page: Page) {
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    window.__seen = seen;
    setInterval(() => {
      const now = Date.now();
      for (const e of window.__assentBoard?.elements() ?? []) {
        const { id, version } = e as { id: string; version: number };
        const key = `${id}:${version}`;
        if (!(key in seen)) seen[key] = now;
      }
    }, 2);
  });
}

/** Draws one freehand stroke on the page's board; resolves with the time the pointer went up. */
async function drawStroke(page: Page, index: number): Promise<number> {
  const canvas = page.locator('.excalidraw canvas.interactive');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the board has no canvas');
  const x = box.x + 40 + (index % 6) * Math.min(60, (box.width - 120) / 6);
  const y = box.y + 60 + Math.floor(index / 6) * 60;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 8; step += 1) await page.mouse.move(x + step * 5, y + Math.sin(step) * 20);
  const up = Date.now();
  await page.mouse.up();
  return up;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Screenshots and axe's WCAG A/AA rules at a desktop and a phone size, the editor included. */
async function expectAccessibleBoard(page: Page, name: string) {
  mkdirSync(screensDir, { recursive: true });
  for (const size of [
    { suffix: '1280x800', width: 1280, height: 800 },
    { suffix: '375x812', width: 375, height: 812 },
  ]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: resolve(screensDir, `${name}-${size.suffix}.png`), fullPage: true });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const blocking = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    writeFileSync(
      resolve(screensDir, `${name}-${size.suffix}-axe.json`),
      JSON.stringify(violations, null, 2),
    );
    expect(blocking, `accessibility problems on ${name} at ${size.suffix}`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the whiteboard: the tutor opens it, strokes reach everyone, a late joiner sees it, the lock holds, and it is kept with the session', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const title = 'Fractions — whiteboard';
  const tutor = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  const session = await createSession(tutor, title, 'Ada Tutor', [
    { name: 'Sam Student', role: 'Student', minor: true },
    { name: 'Pat Parent', role: 'Guardian' },
  ]);
  await tutor.goto(session.tutorUrl);
  await joinCall(tutor);
  const student = await openInvite(browser, inviteUrlFor(session, 'Sam Student'));
  await joinCall(student);

  // Nothing is fetched from anywhere but this machine (Excalidraw's fonts come from our own origin).
  const outside: string[] = [];
  const failed: string[] = [];
  for (const page of [tutor, student]) {
    page.on('request', (r) => {
      const host = new URL(r.url()).hostname;
      if (
        !/^(127\.0\.0\.1|localhost)$/.test(host) &&
        !r.url().startsWith('data:') &&
        !r.url().startsWith('blob:')
      )
        outside.push(r.url());
    });
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
    });
  }

  // Only the tutor has the button; it opens the board as the main stage for everyone.
  await expect(student.getByRole('button', { name: 'Whiteboard', exact: true })).toHaveCount(0);
  const open = tutor.getByRole('button', { name: 'Whiteboard', exact: true });
  await expect(open).toHaveAttribute('aria-pressed', 'false');
  await open.click();
  await expect(open).toHaveAttribute('aria-pressed', 'true');
  for (const page of [tutor, student]) {
    await expect(boardOf(page)).toBeVisible();
    await expect(boardOf(page).locator('.excalidraw canvas.interactive')).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => page.evaluate(() => window.__assentBoard !== undefined)).toBe(true);
  }

  // The student draws: each stroke is timed from the student's pointer-up to the tutor's board showing
  // the stroke as the student finished it.
  await watchArrivals(tutor);
  await student.locator('[data-testid="toolbar-freedraw"]').click({ force: true });
  const strokes = 20;
  const latencies: number[] = [];
  for (let i = 0; i < strokes; i += 1) {
    const up = await drawStroke(student, i);
    // The stroke as the student's board keeps it once finished.
    await student.waitForTimeout(150);
    const last = (await sceneOf(student)).filter((e) => e.type === 'freedraw').at(-1);
    if (!last) throw new Error('the student drew nothing');
    const key = `${last.id}:${last.version}`;
    const arrived = await expect
      .poll(() => tutor.evaluate((k) => window.__seen?.[k], key), { timeout: 5_000 })
      .not.toBeUndefined()
      .then(() => tutor.evaluate((k) => window.__seen?.[k] ?? Number.NaN, key));
    latencies.push(Math.max(0, arrived - up));
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  console.log(
    `whiteboard: student stroke (pointer up) → tutor's board, ${strokes} strokes: p50 ${p50} ms, p95 ${p95} ms`,
  );
  console.log(`whiteboard: each stroke, ms: ${latencies.join(', ')}`);
  testInfo.annotations.push({ type: 'whiteboard stroke → tutor p50/p95', description: `${p50} / ${p95} ms` });
  writeFileSync(testInfo.outputPath('timings.json'), JSON.stringify({ latencies, p50, p95 }, null, 2));
  // The target is 250 ms at p95 on loopback (logged above); the journey shares two cores with the whole
  // stack and three browsers, so it fails only past twice that.
  expect.soft(p95, 'stroke p95 on loopback').toBeLessThanOrEqual(500);
  const freedraws = async (page: Page) => (await sceneOf(page)).filter((e) => e.type === 'freedraw').length;
  expect(await freedraws(tutor)).toBe(strokes);

  // A late joiner (a third browser) sees the strokes already there.
  const guardian = await openInvite(browser, inviteUrlFor(session, 'Pat Parent'));
  await joinCall(guardian);
  await expect(boardOf(guardian)).toBeVisible();
  await expect.poll(() => freedraws(guardian), { timeout: 20_000 }).toBe(strokes);

  // Locked: the student's board is read-only and says why; the server refuses the student's changes.
  await tutor.getByRole('button', { name: 'Lock whiteboard' }).click();
  await expect(tutor.getByRole('button', { name: 'Unlock whiteboard' })).toBeVisible();
  await expect(boardOf(student).getByText('Only the tutor can draw')).toBeVisible();
  await expect(boardOf(tutor).getByText('Only the tutor can draw')).toHaveCount(0);
  await expect(student.locator('[data-testid="toolbar-freedraw"]')).toHaveCount(0);
  const refused = await student.request.post('/api/call/board/elements', {
    headers: { authorization: `Bearer ${tokenOf(inviteUrlFor(session, 'Sam Student'))}` },
    data: { elements: [{ id: 'sneaky', type: 'rectangle', version: 1, versionNonce: 1, isDeleted: false }] },
  });
  expect(refused.status()).toBe(403);
  // The tutor still draws.
  await tutor.locator('[data-testid="toolbar-freedraw"]').click({ force: true });
  await drawStroke(tutor, strokes + 1);
  await expect.poll(() => freedraws(student), { timeout: 5_000 }).toBe(strokes + 1);
  await expectAccessibleBoard(tutor, 'whiteboard-tutor');
  await expectAccessibleBoard(student, 'whiteboard-locked-student');

  expect(outside, 'requests that left this machine').toEqual([]);
  expect(
    failed.filter((f) => /excalidraw|\/fonts\/|\/assets\//.test(f)),
    'the board’s files that failed to load',
  ).toEqual([]);

  // The tutor ends the session: the board is kept with it.
  const panel = tutor.getByRole('region', { name: 'People in the call' });
  if (!(await panel.isVisible())) await tutor.getByRole('button', { name: 'People' }).click();
  tutor.once('dialog', (dialog) => void dialog.accept());
  await panel.getByRole('button', { name: 'End session for everyone' }).click();
  await expect(student.getByRole('heading', { name: 'The tutor ended the session' })).toBeVisible();

  const mine = (await (await tutor.request.get('/api/me/sessions')).json()) as MySessionList;
  const sessionId = mine.sessions.find((s) => s.title === title)?.sessionId;
  if (!sessionId) throw new Error('the tutor does not list the session');
  const saved = await expect
    .poll(async () => (await tutor.request.get(`/api/sessions/${sessionId}/board`)).status(), {
      timeout: 15_000,
    })
    .toBe(200)
    .then(
      async () => (await (await tutor.request.get(`/api/sessions/${sessionId}/board`)).json()) as SavedBoard,
    );
  expect(saved.elements.filter((e) => e.type === 'freedraw' && !e.isDeleted)).toHaveLength(strokes + 1);
  expect(saved.hasImage).toBe(true);
  const png = await tutor.request.get(`/api/sessions/${sessionId}/board.png`);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');

  // The page for it, beside the chat log on the tutor's list.
  await tutor.goto('/');
  await tutor.getByRole('link', { name: `Whiteboard of ${title}` }).click();
  await expect(tutor.getByRole('heading', { name: 'Whiteboard' })).toBeVisible();
  await expect(tutor.getByRole('link', { name: 'Download picture' })).toBeVisible();
  await expect(tutor.getByRole('link', { name: 'Download board' })).toBeVisible();
  await expect(boardOf(tutor).locator('.excalidraw')).toBeVisible({ timeout: 20_000 });
  await expectAccessibleBoard(tutor, 'whiteboard-afterwards');
});
