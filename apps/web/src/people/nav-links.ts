import type { AccountRole } from '@assent/shared';

export interface NavLink {
  href: string;
  label: string;
}

/** A heading over links to what one kind of work needs (an admin's People, Policy, Oversight). */
export interface NavGroup {
  id: string;
  heading: string;
  links: readonly NavLink[];
}

export interface NavFor {
  /** The person's own pages: everyone's, and a reviewer's safeguarding reports. */
  own: readonly NavLink[];
  /** The organisation's pages an admin looks after, grouped by the work; empty for anyone else. */
  groups: readonly NavGroup[];
}

const home = { href: '/', label: 'Home' };
const recordings = { href: '/recordings', label: 'Recordings' };
const yourRequests = { href: '/requests', label: 'Your requests' };
const policy = { href: '/policy', label: 'Policy' };
const safeguarding = { href: '/safeguarding', label: 'Safeguarding' };
const account = { href: '/account', label: 'Account' };

// Link names are part of the UI contract (tests find them by name): grouping moves links, never renames them.
const adminGroups: readonly NavGroup[] = [
  { id: 'people', heading: 'People', links: [{ href: '/admin/people', label: 'People' }] },
  {
    id: 'policy',
    heading: 'Policy',
    links: [{ href: '/admin/policy', label: 'Recording policy' }, policy],
  },
  {
    id: 'oversight',
    heading: 'Oversight',
    links: [
      { href: '/admin/requests', label: 'Requests' },
      safeguarding,
      { href: '/admin/audit', label: 'Audit log' },
      { href: '/admin/deletions', label: 'Deletion records' },
      { href: '/admin/guardian-presence', label: 'Guardian presence' },
      { href: '/admin/research', label: 'Research' },
    ],
  },
];

/** What the header offers someone with `role`: only what is theirs to use. */
export function navFor(role: AccountRole): NavFor {
  switch (role) {
    case 'admin':
      return { own: [home, recordings, yourRequests, account], groups: adminGroups };
    case 'reviewer':
      return { own: [home, recordings, safeguarding, yourRequests, policy, account], groups: [] };
    case 'tutor':
    case 'guardian':
    case 'student':
      return { own: [home, recordings, yourRequests, policy, account], groups: [] };
  }
}

/** Whether a link is to the page at `pathname` (a trailing slash is the same page). */
export function isCurrent(href: string, pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  return href === path;
}
