/**
 * The recording benchmarks' tutor, made the way a fresh install makes people: the first administrator
 * from the one-time link the server prints, who invites a tutor, who accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InvitationCreated } from '@assent/shared';
import type { Stack } from '../../../scripts/stack/stack';

const password = 'bench password, long enough';

function firstRunLink(stack: Stack): string {
  const lines = readFileSync(join(stack.config.logDir, 'server.log'), 'utf8').split('\n');
  for (const line of lines.reverse()) {
    const link = line.includes('firstRunLink')
      ? (JSON.parse(line) as { firstRunLink?: string }).firstRunLink
      : undefined;
    if (link) return link;
  }
  throw new Error('the server printed no first-run link (is the database fresh?)');
}

async function send(baseUrl: string, path: string, body: unknown, cookie?: string): Promise<Response> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

const acceptPath = (link: string) => `/api/invitations/${link.slice(link.lastIndexOf('/') + 1)}/accept`;

/** Signs in the bench's administrator and tutor (creating both); resolves with their cookies. */
export async function signInBenchStaff(stack: Stack): Promise<{ admin: string; tutor: string }> {
  const baseUrl = stack.webUrl;
  const admin = cookieOf(
    await send(baseUrl, acceptPath(firstRunLink(stack)), {
      name: 'Bench Admin',
      email: 'admin@bench.invalid',
      password,
    }),
  );
  const invited = (await (
    await send(baseUrl, '/api/admin/invitations', { email: 'tutor@bench.invalid', role: 'tutor' }, admin)
  ).json()) as InvitationCreated;
  if (!invited.link) throw new Error('the tutor invitation was mailed; the bench stack runs without mail');
  const tutor = cookieOf(await send(baseUrl, acceptPath(invited.link), { name: 'Ada Tutor', password }));
  return { admin, tutor };
}

/** Signs in the bench tutor (creating the administrator and the tutor first); resolves with its cookie. */
export async function signInBenchTutor(stack: Stack): Promise<string> {
  return (await signInBenchStaff(stack)).tutor;
}
