// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type DataColumn, DataTable } from './DataTable';

afterEach(cleanup);

interface Person {
  id: string;
  name: string;
  role: string;
}

const people: Person[] = [
  { id: 'p1', name: 'Ana', role: 'Student' },
  { id: 'p2', name: 'Ms Rivera', role: 'Tutor' },
];

const columns: DataColumn<Person>[] = [
  { header: 'Name', cell: (p) => p.name },
  { header: 'Role', className: 'role-cell', cell: (p) => p.role },
  {
    header: <span className="visually-hidden">Actions</span>,
    label: 'Actions',
    cell: (p) => `Edit ${p.name}`,
  },
];

describe('DataTable', () => {
  it('is named by its caption, with a header row and one row per record headed by its first cell', () => {
    render(<DataTable caption="Everyone" columns={columns} rows={people} rowKey={(p) => p.id} />);
    const table = screen.getByRole('table', { name: 'Everyone' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Role', 'Actions']);
    expect(within(table).getByRole('rowheader', { name: 'Ana' })).toBeTruthy();
    const row = within(table).getByRole('row', { name: /Ms Rivera/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Tutor', 'Edit Ms Rivera']);
  });

  it('labels each cell for the phone-width cards and keeps column classes', () => {
    const { container } = render(<DataTable columns={columns} rows={people} rowKey={(p) => p.id} />);
    const first = container.querySelector('tbody tr') as HTMLElement;
    expect([...first.children].map((cell) => cell.getAttribute('data-label'))).toEqual([
      'Name',
      'Role',
      'Actions',
    ]);
    expect(first.children[1]?.className).toBe('role-cell');
    expect(container.querySelector('table')?.className).toBe('card-table');
    expect(container.querySelector('caption')).toBeNull();
  });

  it('can head no row and leave a column out', () => {
    render(
      <DataTable
        caption="Log"
        columns={[columns[0] as DataColumn<Person>, false, columns[1] as DataColumn<Person>]}
        rows={people}
        rowKey={(p) => p.id}
        rowHeaders={false}
        className="record-table"
      />,
    );
    const table = screen.getByRole('table', { name: 'Log' });
    expect(within(table).queryAllByRole('rowheader')).toHaveLength(0);
    expect(within(table).getAllByRole('columnheader')).toHaveLength(2);
    expect(table.className).toBe('record-table');
  });

  it('says its empty text instead of an empty table', () => {
    render(
      <DataTable caption="Everyone" columns={columns} rows={[]} rowKey={(p) => p.id} empty="Nobody yet." />,
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Nobody yet.').className).toBe('muted');
  });
});
