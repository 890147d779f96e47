import type { AccessAnswer } from '@assent/shared';
import { secondsInWords } from '../../insights/talk-words';
import { countInWords, formatDate } from '../../ui/format';
import { AnswerTable, When } from './AnswerTable';

type Stretch = NonNullable<AccessAnswer['talkTime']>[number];

interface SessionTalk {
  title: string;
  firstAt: string;
  stretches: number;
  seconds: number;
}

/** The stretches summed per session (by id; answers from before it by title), in the order spoken. */
export function talkPerSession(stretches: readonly Stretch[], compiledAt: string): SessionTalk[] {
  const sessions = new Map<string, SessionTalk>();
  for (const stretch of stretches) {
    const key = stretch.sessionId ?? `title:${stretch.sessionTitle}`;
    const session = sessions.get(key) ?? {
      title: stretch.sessionTitle,
      firstAt: stretch.startedAt,
      stretches: 0,
      seconds: 0,
    };
    // A stretch still going when the answer was compiled counts up to that moment.
    const end = Date.parse(stretch.endedAt ?? compiledAt);
    session.stretches += 1;
    session.seconds += Math.max(0, end - Date.parse(stretch.startedAt)) / 1000;
    sessions.set(key, session);
  }
  return [...sessions.values()];
}

/** "Talk time": how long the subject spoke in each session, as the server measured it from sound levels. */
export function TalkTimeSection({ answer }: { answer: AccessAnswer }) {
  // Answers compiled before talk time was measured say nothing of it.
  if (!answer.talkTime) return null;
  return (
    <section aria-labelledby="answer-talk-time">
      <h2 id="answer-talk-time">Talk time</h2>
      <p>
        How long they spoke in each session, measured from sound levels; what was said is not recorded by
        this. Every stretch, to the second, is in the archive.
      </p>
      <AnswerTable
        caption="Time they spoke, per session"
        empty="No talk time was measured for them."
        rows={talkPerSession(answer.talkTime, answer.compiledAt)}
        columns={[
          { label: 'Session', cell: (s) => s.title },
          { label: 'Date', cell: (s) => formatDate(s.firstAt) },
          { label: 'Times they spoke', cell: (s) => countInWords(s.stretches, 'time', 'times') },
          { label: 'In all', cell: (s) => secondsInWords(s.seconds) },
        ]}
      />
    </section>
  );
}

const transcriptStatus = {
  queued: 'Waiting to be made',
  running: 'Being made',
  ready: 'Kept',
  failed: 'Could not be made',
  destroyed: 'Destroyed',
} as const;

/** "Transcripts": those of the recordings above and their life; their text is not in the answer. */
export function TranscriptsSection({ answer }: { answer: AccessAnswer }) {
  if (!answer.transcripts) return null;
  return (
    <section aria-labelledby="answer-transcripts">
      <h2 id="answer-transcripts">Transcripts</h2>
      <p>
        Transcripts of these recordings. What they said in recordings they may watch is in the archive, read
        from the transcripts kept when it is downloaded.
      </p>
      <AnswerTable
        caption="Transcripts of these recordings"
        empty="No transcripts of these recordings."
        rows={answer.transcripts}
        columns={[
          { label: 'Session', cell: (tr) => tr.sessionTitle },
          { label: 'Status', cell: (tr) => transcriptStatus[tr.status] },
          { label: 'Made', cell: (tr) => <When at={tr.readyAt} /> },
          {
            label: 'Kept until',
            cell: (tr) => (tr.retainUntil && tr.status === 'ready' ? formatDate(tr.retainUntil) : '—'),
          },
          { label: 'Destroyed', cell: (tr) => <When at={tr.destroyedAt} /> },
        ]}
      />
    </section>
  );
}
