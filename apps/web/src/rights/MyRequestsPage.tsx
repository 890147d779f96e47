import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { MyAccessRequests } from './access/MyAccessRequests';
import { MyReports } from './concerns/MyReports';
import { MyDeletionRequests } from './deletion/MyDeletionRequests';
import '../styles/signed-in.css';

/** `/requests`: a person's rights in one place: what they asked for, what they reported, and the answers. */
export function MyRequestsPage() {
  usePageTitle('Your requests');
  return (
    <div className="stack">
      <PageHeading>Your requests</PageHeading>
      <p className="muted">
        You may ask for everything Assent holds about you (or your child), ask for recordings to be deleted
        early, and report a concern about a session. Each request is tracked here with its answer.
      </p>
      <MyAccessRequests />
      <MyDeletionRequests />
      <MyReports />
    </div>
  );
}
