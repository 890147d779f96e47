import type { AccessAnswer } from '@assent/shared';
import { consentKindInWords } from '../../recordings/recording-words';
import { formatDate } from '../../ui/format';
import { AnswerTable, When } from './AnswerTable';
import { researchDecisionInWords, roleBesideName } from './access-words';

type Consents = AccessAnswer['consents'];

/** "quality_assurance" as "Quality assurance", for a purpose the answer has no label for. */
export function purposeInWords(purpose: string, labels: ReadonlyMap<string, string>): string {
  const label = labels.get(purpose);
  if (label) return label;
  const spelled = purpose.replace(/_+/g, ' ').trim();
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

/** "Account": the sign-in, the enrolment as a student, family links and policy agreements. */
export function AccountSection({ answer }: { answer: AccessAnswer }) {
  const { account, student } = answer;
  return (
    <section aria-labelledby="answer-account">
      <h2 id="answer-account">Account</h2>
      {account ? (
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd>{account.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{account.email}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{roleBesideName(account.role)}</dd>
          </div>
          <div>
            <dt>Since</dt>
            <dd>{formatDate(account.createdAt)}</dd>
          </div>
        </dl>
      ) : (
        <p>{answer.subject.name} has no sign-in of their own.</p>
      )}
      {student && (
        <p>
          Enrolled as a student on {formatDate(student.enrolledAt)}
          {student.minor ? ', as under 18.' : ', as an adult.'}
        </p>
      )}
      {answer.guardianships.length > 0 && (
        <ul>
          {answer.guardianships.map((link) => (
            <li key={`${link.relation}-${link.name}-${link.since}`}>
              {link.relation === 'child'
                ? `Parent or guardian of ${link.name}`
                : `${link.name} is their parent or guardian`}
              , since {formatDate(link.since)}
            </li>
          ))}
        </ul>
      )}
      {answer.agreements.map((agreement) => (
        <p key={`${agreement.policyVersion}-${agreement.agreedAt}`}>
          Agreed to version {agreement.policyVersion} of the recording policy on{' '}
          {formatDate(agreement.agreedAt)}.
        </p>
      ))}
    </section>
  );
}

export function SessionsSection({ sessions }: { sessions: AccessAnswer['sessions'] }) {
  return (
    <section aria-labelledby="answer-sessions">
      <h2 id="answer-sessions">Sessions</h2>
      <AnswerTable
        caption="Sessions with a seat for them"
        empty="No sessions."
        rows={sessions}
        columns={[
          { label: 'Session', cell: (s) => s.title },
          { label: 'Date', cell: (s) => formatDate(s.createdAt) },
          { label: 'As', cell: (s) => `${s.seatName} (${roleBesideName(s.role)})` },
          {
            label: 'In the call',
            cell: (s) =>
              s.joined ? (
                <>
                  Joined <When at={s.joinedAt} />
                  {s.leftAt && (
                    <>
                      , left <When at={s.leftAt} />
                    </>
                  )}
                </>
              ) : (
                'Invited, never joined'
              ),
          },
        ]}
      />
    </section>
  );
}

export function ConsentsSection({
  consents,
  labels,
}: {
  consents: Consents;
  labels: ReadonlyMap<string, string>;
}) {
  return (
    <section aria-labelledby="answer-consents">
      <h2 id="answer-consents">Consent records</h2>
      <h3>Asked and answered in sessions</h3>
      <AnswerTable
        caption="Consent log entries"
        empty="No consent records."
        rows={consents.log}
        columns={[
          { label: 'Session', cell: (e) => e.sessionTitle },
          { label: 'Who', cell: (e) => (e.byGuardian ? `${e.personName}, for them` : e.personName) },
          { label: 'What', cell: (e) => consentKindInWords(e.kind) },
          { label: 'Purpose', cell: (e) => purposeInWords(e.purpose, labels) },
          { label: 'When', cell: (e) => <When at={e.at} /> },
        ]}
      />
      {consents.inAdvance.length > 0 && (
        <>
          <h3>Given in advance</h3>
          <AnswerTable
            caption="Consents given ahead of a session"
            empty=""
            rows={consents.inAdvance}
            columns={[
              { label: 'Session', cell: (e) => e.sessionTitle },
              { label: 'Who', cell: (e) => `${e.guardianName}, for ${e.studentName}` },
              {
                label: 'What',
                cell: (e) =>
                  e.purposes.length > 0
                    ? `Consented to ${e.purposes.map((p) => purposeInWords(p, labels).toLowerCase()).join(', ')}`
                    : 'Withdrew the consent given in advance',
              },
              { label: 'When', cell: (e) => <When at={e.at} /> },
            ]}
          />
        </>
      )}
      {consents.research.length > 0 && (
        <>
          <h3>Sharing for research</h3>
          <AnswerTable
            caption="Research sharing decisions"
            empty=""
            rows={consents.research}
            columns={[
              { label: 'Session', cell: (e) => e.sessionTitle },
              {
                label: 'Who',
                cell: (e) =>
                  e.decidedByName === e.seatName ? e.seatName : `${e.decidedByName}, for ${e.seatName}`,
              },
              { label: 'What', cell: (e) => researchDecisionInWords(e.decision) },
              { label: 'When', cell: (e) => <When at={e.at} /> },
            ]}
          />
        </>
      )}
      {consents.doNotRecord.length > 0 && (
        <>
          <h3>“Do not record”</h3>
          <AnswerTable
            caption="Changes to do not record"
            empty=""
            rows={consents.doNotRecord}
            columns={[
              { label: 'Student', cell: (e) => e.studentName },
              {
                label: 'Set to',
                cell: (e) => (e.doNotRecord ? 'Do not record' : 'May be recorded with consent'),
              },
              { label: 'By', cell: (e) => e.changedByName },
              { label: 'When', cell: (e) => <When at={e.at} /> },
            ]}
          />
        </>
      )}
    </section>
  );
}
