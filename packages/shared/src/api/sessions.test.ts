import { describe, expect, it } from 'vitest';
import { CreateSessionRequest } from './sessions';

const base = { title: 'Algebra', tutorName: 'Dana Tutor' };

function issuesOf(input: unknown) {
  const result = CreateSessionRequest.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('CreateSessionRequest guardian links', () => {
  it('accepts a guardian naming students of the request, compared after trimming', () => {
    const parsed = CreateSessionRequest.parse({
      ...base,
      participants: [
        { name: ' Ana ', role: 'student', minor: true },
        { name: 'Ben', role: 'student', minor: true },
        { name: 'Pat', role: 'guardian', guardianOf: ['Ana  '] },
        { name: 'Lee', role: 'guardian' },
      ],
    });
    expect(parsed.participants.map((p) => p.guardianOf)).toEqual([undefined, undefined, ['Ana'], undefined]);
  });

  it('names every link that matches no student, with its path', () => {
    expect(
      issuesOf({
        ...base,
        participants: [
          { name: 'Ana', role: 'student' },
          { name: 'Pat', role: 'guardian' },
          { name: 'Lee', role: 'guardian', guardianOf: ['Ana', 'ana', 'Pat'] },
        ],
      }),
    ).toEqual([
      { path: 'participants.2.guardianOf.1', message: 'No student called “ana” is invited' },
      { path: 'participants.2.guardianOf.2', message: 'No student called “Pat” is invited' },
    ]);
  });

  it('refuses links on students and links to a name two students share', () => {
    expect(
      issuesOf({
        ...base,
        participants: [
          { name: 'Ana', role: 'student', guardianOf: ['Ana'] },
          { name: 'Ana', role: 'student' },
          { name: 'Pat', role: 'guardian', guardianOf: ['Ana'] },
        ],
      }),
    ).toEqual([
      { path: 'participants.0.guardianOf', message: 'Only a guardian can be guardian of a student' },
      {
        path: 'participants.2.guardianOf.0',
        message: '2 students are called “Ana”: give them different names',
      },
    ]);
  });

  it('treats an empty list like no list', () => {
    expect(issuesOf({ ...base, participants: [{ name: 'Ana', role: 'student', guardianOf: [] }] })).toEqual(
      [],
    );
  });

  it('reports an empty name in a link as a missing name', () => {
    expect(
      issuesOf({
        ...base,
        participants: [
          { name: 'Ana', role: 'student' },
          { name: 'Pat', role: 'guardian', guardianOf: ['  '] },
        ],
      }),
    ).toEqual([{ path: 'participants.1.guardianOf.0', message: 'Name is required' }]);
  });
});
