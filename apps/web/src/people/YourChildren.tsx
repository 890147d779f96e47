import type { Student } from '@assent/shared';
import { useEffect, useRef } from 'react';
import { fetchMyStudents } from '../api/people';
import { useRemote } from '../ui/useRemote';
import { AddChildForm } from './AddChildForm';
import { ChildInvitation } from './ChildInvitation';
import { RecordingPreferenceToggle } from './RecordingPreferenceToggle';
import { RemoteFailure } from './RemoteFailure';

interface YourChildrenProps {
  /** The guardian has agreed to the policy in force: they may add children. */
  agreed: boolean;
  /** They agreed a moment ago: this section takes focus, since the one they were in is gone. */
  justAgreed: boolean;
}

/**
 * A guardian's children: whether each may join, "do not record", inviting another guardian for them,
 * giving them a sign-in of their own, and adding another child.
 */
export function YourChildren({ agreed, justAgreed }: YourChildrenProps) {
  const children = useRemote(fetchMyStudents);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { state, reload, replace } = children;

  useEffect(() => {
    if (!justAgreed) return;
    reload();
    headingRef.current?.focus();
  }, [justAgreed, reload]);

  const list = state.kind === 'ready' ? state.data.students : [];
  const put = (student: Student) => {
    const known = list.some((s) => s.id === student.id);
    replace({ students: known ? list.map((s) => (s.id === student.id ? student : s)) : [...list, student] });
  };

  return (
    <section className="card" aria-labelledby="children-heading">
      <h2 id="children-heading" ref={headingRef} tabIndex={-1}>
        Your children
      </h2>
      {justAgreed && (
        <p role="status">Thank you. Your agreement is recorded; your children can now join sessions.</p>
      )}
      {state.kind === 'loading' && <p className="muted">Loading your children…</p>}
      {state.kind === 'failed' && <RemoteFailure error={state.error} what="your children" onRetry={reload} />}
      {state.kind === 'ready' && list.length === 0 && <p className="muted">No children added yet.</p>}
      {list.length > 0 && (
        <ul className="child-list">
          {list.map((child) => (
            <li key={child.id} className="child-item">
              <p className="child-item__name">
                {child.name}
                {child.minor && <span className="badge badge--muted">Under 18</span>}
              </p>
              <p className="muted">
                {child.enrolled
                  ? 'Can join sessions.'
                  : 'Can join sessions once you have agreed to the policy.'}
              </p>
              <RecordingPreferenceToggle
                student={child}
                label={`Do not record ${child.name}'s sessions`}
                onSaved={put}
              />
              <div className="child-item__actions">
                <ChildInvitation kind="guardian" child={child} />
                {child.hasSignIn ? (
                  <p className="muted">{child.name} has a sign-in of their own.</p>
                ) : (
                  <ChildInvitation kind="sign-in" child={child} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {agreed ? (
        <AddChildForm onAdded={put} />
      ) : (
        <p className="muted">You can add children once you have agreed to the policy above.</p>
      )}
    </section>
  );
}
