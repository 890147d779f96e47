import type { InviteFamilyRequest } from '@assent/shared';

export interface ChildDraft {
  key: number;
  name: string;
  /** Children are minors unless said otherwise (a minor needs a guardian's consent too). */
  minor: boolean;
}

export interface FamilyDraft {
  guardianEmail: string;
  children: ChildDraft[];
}

export const MAX_CHILDREN = 10;

let nextKey = 0;

export function newChild(): ChildDraft {
  nextKey += 1;
  return { key: nextKey, name: '', minor: true };
}

export function initialFamilyDraft(): FamilyDraft {
  return { guardianEmail: '', children: [] };
}

export function toInviteFamilyRequest(draft: FamilyDraft): InviteFamilyRequest {
  return {
    guardianEmail: draft.guardianEmail.trim(),
    children: draft.children.map((c) => ({ name: c.name.trim(), minor: c.minor })),
  };
}

/** Whether the form shows this error path beside a field (the rest are said at the top). */
export function isFamilyFieldPath(path: string): boolean {
  return path === 'guardianEmail' || /^children(\.\d+\.name)?$/.test(path);
}
