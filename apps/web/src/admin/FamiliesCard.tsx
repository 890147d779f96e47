import type { FamilyList, FamilySummary } from '@assent/shared';
import { useState } from 'react';
import { describeFailure, type FailureMessage } from '../api/failure-words';
import { fetchFamilies, moveFamily } from '../api/families';
import { AdminFailureAlert } from '../ui/AdminFailureAlert';
import { DataTable } from '../ui/DataTable';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useRemote } from '../ui/useRemote';

/**
 * The families (a guardian and their children) with who teaches each child, and moving a family to
 * another tutor: the children change tutor; the sessions already made keep their owner.
 */
export function FamiliesCard() {
  const { state, reload } = useRemote(fetchFamilies);
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="families-heading">
      <h2 id="families-heading">Families</h2>
      <p className="muted">
        Moving a family gives its children to another tutor. Sessions already made stay with the tutor who
        made them.
      </p>
      {outcome && <p role="status">{outcome}</p>}
      {state.kind === 'loading' && <p className="muted">Loading families…</p>}
      {state.kind === 'failed' && (
        <AdminFailureAlert error={state.error} returnTo="/admin/people" onRetry={reload} />
      )}
      {state.kind === 'ready' && (
        <DataTable
          caption="Families"
          rows={state.data.families}
          rowKey={(family) => family.guardianUserId}
          empty="No families enrolled yet."
          columns={[
            { header: 'Guardian', cell: (f) => `${f.guardianName} (${f.guardianEmail})` },
            {
              header: 'Children and their tutor',
              cell: (f) => f.children.map((c) => `${c.name}: ${c.tutorName ?? 'no tutor'}`).join('; '),
            },
            {
              header: 'Move to',
              cell: (f) => (
                <MoveFamily
                  family={f}
                  tutors={state.data.tutors}
                  onMoved={(words) => {
                    setOutcome(words);
                    reload();
                  }}
                />
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function MoveFamily({
  family,
  tutors,
  onMoved,
}: {
  family: FamilySummary;
  tutors: FamilyList['tutors'];
  onMoved: (words: string) => void;
}) {
  const [tutor, setTutor] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const id = `move-${family.guardianUserId}`;
  const move = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await moveFamily(family.guardianUserId, tutor);
      const name = tutors.find((t) => t.userId === tutor)?.name ?? 'the tutor';
      onMoved(`${family.guardianName}'s family moved to ${name}.`);
    } catch (error) {
      setFailure(describeFailure(error, 'admin'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="move-family">
      <label htmlFor={id} className="visually-hidden">
        New tutor for {family.guardianName}'s family
      </label>
      <select id={id} value={tutor} onChange={(e) => setTutor(e.target.value)}>
        <option value="">Choose a tutor</option>
        {tutors.map((t) => (
          <option key={t.userId} value={t.userId}>
            {t.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--quiet"
        disabled={busy || tutor === ''}
        aria-busy={busy}
        onClick={move}
        aria-label={`Move ${family.guardianName}'s family`}
      >
        Move
      </button>
      {failure && (
        <ErrorAlert title={failure.title} focusOnMount>
          <p>{failure.detail}</p>
        </ErrorAlert>
      )}
    </div>
  );
}
