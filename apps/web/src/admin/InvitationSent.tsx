import type { InvitationCreated } from '@assent/shared';
import { formatDate } from '../ui/format';
import { LinkField } from '../ui/LinkField';

/** What became of an invitation: mailed, or (mail is off) the link for the admin to pass on. */
export function InvitationSent({ invitation }: { invitation: InvitationCreated }) {
  const expires = formatDate(invitation.expiresAt);
  if (invitation.link === null) {
    return (
      <p className="notice">
        <strong>Invitation sent to {invitation.email}.</strong> The link in it works until {expires}.
      </p>
    );
  }
  return (
    <div className="notice">
      <p>
        <strong>Invitation ready for {invitation.email}.</strong> Email is not set up, so send them this link
        yourself. It works once, until {expires}.
      </p>
      <LinkField label={`Invitation link for ${invitation.email}`} url={invitation.link} />
    </div>
  );
}
