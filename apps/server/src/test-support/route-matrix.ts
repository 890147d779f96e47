/**
 * Every signed-in route × every role (and nobody signed in) × the caller's own or someone else's
 * session or family, with the answer each must give. Data only: the server tests run it in-process and
 * the e2e suite over HTTP against the real stack, each building the same small organisation.
 */
import type { AccountRole } from '@assent/shared';
import { accessRequestCases } from './rights-matrix/access-requests';
import { accountLifecycleCases } from './rights-matrix/account-lifecycle';
import { adultStudentCases } from './rights-matrix/adult-students';
import { boardCases, chatCases } from './rights-matrix/chat';
import { concernCases } from './rights-matrix/concerns';
import { deletionRequestCases } from './rights-matrix/deletion-requests';
import { familyGrowthCases } from './rights-matrix/families';
import { guardianPresenceCases } from './rights-matrix/guardian-presence';
import { insightsCases } from './rights-matrix/insights';
import { observeCases } from './rights-matrix/observe';
import { researchCases } from './rights-matrix/research';
import { scheduleCases } from './rights-matrix/schedule';
import { transcriptCases } from './rights-matrix/transcripts';

export type Caller = AccountRole | 'signed-out';
export const callers: Caller[] = ['signed-out', 'admin', 'reviewer', 'tutor', 'guardian', 'student'];

/** Ids in the organisation, as seen from one caller: "own" is theirs, "other" someone else's. */
export interface CallerView {
  ownSession: string;
  otherSession: string;
  ownStudent: string;
  otherStudent: string;
  /** An adult student of the caller's family (the tutor's, the guardian's) with her own sign-in. */
  ownAdultStudent: string;
  /** An adult student of another family, without a sign-in, enrolled by another tutor. */
  otherAdultStudent: string;
  /** The account of the tutor who owns `ownSession`, and of the one who owns `otherSession`. */
  ownTutor: string;
  otherTutor: string;
}

export interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: (view: CallerView) => string;
  body?: (unique: string, view: CallerView) => unknown;
  /** The status each caller must get; anything not listed must be 403 (or 401 signed out). */
  allowed: Partial<Record<Caller, number>>;
  /** Own/other variants get separate expectations. */
  whose?: 'own' | 'other';
}

const staff = { admin: 200, reviewer: 200, tutor: 200 };

export const routeMatrix: RouteCase[] = [
  {
    name: 'who am I',
    method: 'GET',
    path: () => '/api/me',
    allowed: { 'signed-out': 200, ...staff, guardian: 200, student: 200 },
  },
  { name: 'people list', method: 'GET', path: () => '/api/admin/people', allowed: { admin: 200 } },
  { name: 'audit log', method: 'GET', path: () => '/api/admin/audit', allowed: { admin: 200 } },
  { name: 'first-run checklist', method: 'GET', path: () => '/api/admin/first-run', allowed: { admin: 200 } },
  {
    name: 'mark the policy reviewed',
    method: 'POST',
    path: () => '/api/admin/policy/review',
    allowed: { admin: 200 },
  },
  {
    name: 'the policy in force',
    method: 'GET',
    path: () => '/api/policy',
    allowed: { 'signed-out': 200, ...staff, guardian: 200, student: 200 },
  },
  {
    name: 'the policy as families read it',
    method: 'GET',
    path: () => '/api/policy/readable',
    allowed: { 'signed-out': 200, ...staff, guardian: 200, student: 200 },
  },
  {
    name: 'policy history',
    method: 'GET',
    path: () => '/api/admin/policy/versions',
    allowed: { admin: 200, reviewer: 200 },
  },
  {
    name: 'retention change preview',
    method: 'POST',
    path: () => '/api/admin/policy/retention-effects',
    body: () => ({ purposes: [{ id: 'quality_assurance', retentionDays: 30 }] }),
    allowed: { admin: 200 },
  },
  {
    name: 'audit chain check',
    method: 'GET',
    path: () => '/api/admin/audit/verify',
    allowed: { admin: 200 },
  },
  {
    name: 'invite staff',
    method: 'POST',
    path: () => '/api/admin/invitations',
    body: (u) => ({ email: `staff-${u}@example.org`, role: 'tutor' }),
    allowed: { admin: 201 },
  },
  {
    name: 'enrol a family',
    method: 'POST',
    path: () => '/api/families/invitations',
    body: (u) => ({ guardianEmail: `family-${u}@example.org`, children: [{ name: 'Kit' }] }),
    allowed: { admin: 201, tutor: 201 },
  },
  {
    name: 'agree to the policy',
    method: 'POST',
    path: () => '/api/me/agreement',
    body: () => ({ policyVersion: 'CURRENT', adultConfirmed: true }),
    allowed: { guardian: 201 },
  },
  {
    name: 'add a child',
    method: 'POST',
    path: () => '/api/me/students',
    body: (u) => ({ name: `Child ${u}` }),
    allowed: { guardian: 201 },
  },
  {
    name: 'list my students',
    method: 'GET',
    path: () => '/api/me/students',
    allowed: { ...staff, guardian: 200, student: 200 },
  },
  {
    name: 'list all students',
    method: 'GET',
    path: () => '/api/students',
    allowed: { admin: 200, tutor: 200 },
  },
  {
    name: "read own family's preference",
    whose: 'own',
    method: 'GET',
    path: (v) => `/api/students/${v.ownStudent}/recording-preference`,
    allowed: { admin: 200, tutor: 200, guardian: 200, student: 200 },
  },
  {
    name: "read another family's preference",
    whose: 'other',
    method: 'GET',
    path: (v) => `/api/students/${v.otherStudent}/recording-preference`,
    allowed: { admin: 200, tutor: 200 },
  },
  {
    name: "set own family's preference",
    whose: 'own',
    method: 'PUT',
    path: (v) => `/api/students/${v.ownStudent}/recording-preference`,
    body: () => ({ doNotRecord: false }),
    allowed: { guardian: 200, student: 200 },
  },
  {
    name: "set another family's preference",
    whose: 'other',
    method: 'PUT',
    path: (v) => `/api/students/${v.otherStudent}/recording-preference`,
    body: () => ({ doNotRecord: false }),
    allowed: {},
  },
  {
    name: 'create a session',
    method: 'POST',
    path: () => '/api/sessions',
    body: (u) => ({ title: `Matrix ${u}`, guests: [{ name: 'Ola Adult' }] }),
    allowed: { admin: 201, tutor: 201 },
  },
  {
    name: 'your sessions',
    method: 'GET',
    path: () => '/api/me/sessions',
    allowed: { ...staff, guardian: 200, student: 200 },
  },
  {
    name: 'read own session',
    whose: 'own',
    method: 'GET',
    path: (v) => `/api/sessions/${v.ownSession}`,
    allowed: { ...staff, guardian: 200, student: 200 },
  },
  {
    name: "read another tutor's session",
    whose: 'other',
    method: 'GET',
    path: (v) => `/api/sessions/${v.otherSession}`,
    allowed: { admin: 200, reviewer: 200 },
  },
  {
    name: 'invite another guardian for own child',
    whose: 'own',
    method: 'POST',
    path: (v) => `/api/students/${v.ownStudent}/guardian-invitations`,
    body: (u) => ({ email: `second-guardian-${u}@example.org` }),
    allowed: { admin: 201, guardian: 201 },
  },
  {
    name: "invite another guardian for another family's child",
    whose: 'other',
    method: 'POST',
    path: (v) => `/api/students/${v.otherStudent}/guardian-invitations`,
    body: (u) => ({ email: `second-guardian-${u}@example.org` }),
    allowed: { admin: 201 },
  },
  {
    name: 'recordings I may watch',
    method: 'GET',
    path: () => '/api/recordings',
    allowed: { ...staff, guardian: 200, student: 200 },
  },
  {
    // Missing and not allowed answer alike, so every signed-in caller gets 404.
    name: 'play a recording that does not exist',
    method: 'POST',
    path: () => '/api/recordings/rec_missing/playback',
    body: () => ({}),
    allowed: { admin: 404, reviewer: 404, tutor: 404, guardian: 404, student: 404 },
  },
  { name: 'deletion records', method: 'GET', path: () => '/api/admin/deletions', allowed: { admin: 200 } },
  ...accessRequestCases,
  ...deletionRequestCases,
  ...concernCases,
  ...guardianPresenceCases,
  ...observeCases,
  ...researchCases,
  ...adultStudentCases,
  ...accountLifecycleCases,
  ...chatCases,
  ...boardCases,
  ...scheduleCases,
  ...familyGrowthCases,
  ...insightsCases,
  ...transcriptCases,
];

/** The status a caller must get from a route. */
export function expectedStatus(route: RouteCase, caller: Caller): number {
  return route.allowed[caller] ?? (caller === 'signed-out' ? 401 : 403);
}

export const matrixSize = routeMatrix.length * callers.length;
