import { fetchStudents } from '../api/people';
import { EnrolFamilyForm } from '../people/EnrolFamilyForm';
import { CreateSessionForm } from '../sessions/CreateSessionForm';
import { useRemote } from '../ui/useRemote';

/** Tutors and admins: create a session for enrolled students, and enrol families. */
export function StaffTools({ onSessionCreated }: { onSessionCreated: () => void }) {
  // One list for both: a family just enrolled shows in the picker, waiting for their guardian.
  const students = useRemote(fetchStudents);
  return (
    <>
      <CreateSessionForm students={students} onCreated={onSessionCreated} />
      <EnrolFamilyForm onEnrolled={students.reload} />
    </>
  );
}
