// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingSummary } from '../test-support/vault-fixtures';
import { formatDate } from '../ui/format';
import { RecordingsTable } from './RecordingsTable';

afterEach(cleanup);

describe('RecordingsTable', () => {
  it('says a recording is on hold instead of when retention ends, while a report is open', () => {
    const held = recordingSummary({ access: 'investigation', onHold: true });
    const kept = recordingSummary({ id: 'rec_2', sessionTitle: 'French with Mo' });
    render(<RecordingsTable recordings={[held, kept]} />);
    const rows = screen.getAllByRole('row');
    const first = within(rows[1] as HTMLElement);
    expect(first.getByText('On hold: a report about this session is open')).toBeTruthy();
    expect(first.getByText('A report about this session is being investigated')).toBeTruthy();
    expect(first.queryByText(/Kept until/)).toBeNull();
    expect(
      within(rows[2] as HTMLElement).getByText(`Kept until ${formatDate(kept.retainUntil)}`),
    ).toBeTruthy();
  });
});
