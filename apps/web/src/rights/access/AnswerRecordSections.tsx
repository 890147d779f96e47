import type { AccessAnswer } from '@assent/shared';
import { deletionReasonInWords } from '../../recordings/recording-words';
import { formatDate } from '../../ui/format';
import { purposeInWords } from './AnswerAboutSections';
import { AnswerTable, When } from './AnswerTable';
import {
  auditActionInWords,
  recordingStatusInWords,
  roleBesideName,
  viewBasisInWords,
  watchingInWords,
} from './access-words';

export function RecordingsSection({ recordings }: { recordings: AccessAnswer['recordings'] }) {
  return (
    <section aria-labelledby="answer-recordings">
      <h2 id="answer-recordings">Recordings you appear in</h2>
      <AnswerTable
        caption="Recordings of sessions they were in"
        empty="No recordings of sessions they were in."
        rows={recordings}
        columns={[
          { label: 'Session', cell: (r) => r.sessionTitle },
          { label: 'Purpose', cell: (r) => r.purposeLabel },
          { label: 'Recorded', cell: (r) => <When at={r.recordedAt} /> },
          { label: 'Status', cell: (r) => recordingStatusInWords(r.status) },
          {
            label: 'Kept until',
            cell: (r) => (r.retainUntil && r.status === 'stored' ? formatDate(r.retainUntil) : '—'),
          },
          { label: 'Watching', cell: (r) => watchingInWords(r) },
        ]}
      />
    </section>
  );
}

export function ViewsSection({ views }: { views: AccessAnswer['views'] }) {
  return (
    <section aria-labelledby="answer-views">
      <h2 id="answer-views">Who watched these recordings</h2>
      <AnswerTable
        caption="Views of these recordings"
        empty="Nobody has watched these recordings."
        rows={views}
        columns={[
          { label: 'Who', cell: (v) => `${v.viewerName} (${roleBesideName(v.viewerRole)})` },
          { label: 'Session', cell: (v) => v.sessionTitle },
          { label: 'When', cell: (v) => <When at={v.viewedAt} /> },
          { label: 'Why', cell: (v) => viewBasisInWords(v.access) },
        ]}
      />
    </section>
  );
}

export function AuditSection({ audit }: { audit: AccessAnswer['audit'] }) {
  return (
    <section aria-labelledby="answer-audit">
      <h2 id="answer-audit">Audit entries about your data</h2>
      <AnswerTable
        caption="Audit log entries made by them or about their data"
        empty="No audit entries."
        rows={audit}
        columns={[
          { label: 'What', cell: (a) => auditActionInWords(a.action) },
          {
            label: 'Who',
            cell: (a) => a.actorName ?? (a.actorRole ? roleBesideName(a.actorRole) : 'Assent itself'),
          },
          { label: 'When', cell: (a) => <When at={a.at} /> },
          { label: 'Outcome', cell: (a) => (a.outcome === 'done' ? 'Done' : 'Refused') },
        ]}
      />
    </section>
  );
}

export function DeletionRecordsSection({
  records,
  labels,
}: {
  records: AccessAnswer['deletionRecords'];
  labels: ReadonlyMap<string, string>;
}) {
  return (
    <section aria-labelledby="answer-deletions">
      <h2 id="answer-deletions">Deletion records</h2>
      <AnswerTable
        caption="Recordings destroyed"
        empty="None of these recordings has been destroyed."
        rows={records}
        columns={[
          { label: 'Session', cell: (d) => d.sessionTitle },
          { label: 'Purpose', cell: (d) => purposeInWords(d.purpose, labels) },
          { label: 'Destroyed', cell: (d) => <When at={d.destroyedAt} /> },
          { label: 'Why', cell: (d) => `${deletionReasonInWords(d.reason)}. ${d.detail}` },
        ]}
      />
    </section>
  );
}

const requestStatus = { open: 'Waiting for a decision', approved: 'Approved', refused: 'Refused' } as const;

export function RequestsSection({ answer }: { answer: AccessAnswer }) {
  const rows = [
    ...answer.deletionRequests.map((r) => ({
      what: `Deletion of recordings of ${r.sessionTitle}`,
      status: requestStatus[r.status],
      at: r.createdAt,
      done: r.decidedAt,
    })),
    ...answer.concernReports.map((r) => ({
      what: `A report about ${r.sessionTitle}`,
      status: r.status === 'open' ? 'Being handled' : 'Closed',
      at: r.createdAt,
      done: r.closedAt,
    })),
  ];
  return (
    <section aria-labelledby="answer-requests">
      <h2 id="answer-requests">Your requests and reports</h2>
      <AnswerTable
        caption="Deletion requests and reports they made"
        empty="No deletion requests or reports."
        rows={rows}
        columns={[
          { label: 'Request', cell: (r) => r.what },
          { label: 'Status', cell: (r) => r.status },
          { label: 'Made', cell: (r) => <When at={r.at} /> },
          { label: 'Decided', cell: (r) => <When at={r.done} /> },
        ]}
      />
    </section>
  );
}
