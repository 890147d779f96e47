import type { MeResponse, MeUser } from '@assent/shared';
import { useState } from 'react';
import { fetchMySessions } from '../api/sessions';
import { AgreementPanel } from '../people/AgreementPanel';
import { agreementStatus, mustAgree } from '../people/agreement';
import { OwnRecordingPreference } from '../people/OwnRecordingPreference';
import { PendingEnrolments } from '../people/PendingEnrolments';
import { YourChildren } from '../people/YourChildren';
import { ResearchSharingCard } from '../rights/research/ResearchSharingCard';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { FirstRunChecklist } from './FirstRunChecklist';
import { LiveSessions } from './LiveSessions';
import { MySessions } from './MySessions';
import { StaffTools } from './StaffTools';
import '../styles/signed-in.css';

interface DashboardPageProps {
  user: MeUser;
  agreement: MeResponse['agreement'];
}

/** `/` when signed in: what needs doing first, "Your sessions", and what the person's role can do. */
export function DashboardPage({ user, agreement }: DashboardPageProps) {
  usePageTitle('Your sessions');
  const sessions = useRemote(fetchMySessions);
  const status = agreementStatus(agreement);
  const [justAgreed, setJustAgreed] = useState(false);
  // A confirmed enrolment adds a child: the children's list is read again.
  const [childrenVersion, setChildrenVersion] = useState(0);
  const firstName = user.name.split(/\s+/)[0] ?? user.name;

  return (
    <div className="stack">
      <PageHeading>Hello, {firstName}</PageHeading>
      {user.role === 'guardian' && mustAgree(status) && (
        <AgreementPanel
          status={status}
          onAgreed={() => {
            setJustAgreed(true);
            sessions.reload();
          }}
        />
      )}
      {user.role === 'guardian' && (
        <PendingEnrolments
          onConfirmed={() => {
            setChildrenVersion((n) => n + 1);
            sessions.reload();
          }}
        />
      )}
      {user.role === 'admin' && <FirstRunChecklist />}
      <MySessions sessions={sessions} role={user.role} />
      {(user.role === 'reviewer' || user.role === 'admin') && <LiveSessions />}
      {(user.role === 'tutor' || user.role === 'admin') && <StaffTools onSessionCreated={sessions.reload} />}
      {user.role === 'guardian' && (
        <YourChildren key={childrenVersion} agreed={!mustAgree(status)} justAgreed={justAgreed} />
      )}
      {user.role === 'student' && <OwnRecordingPreference />}
      <ResearchSharingCard />
    </div>
  );
}
