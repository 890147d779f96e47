// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NumberField, RoleChecks } from './PolicyFields';

afterEach(cleanup);

describe('the policy form’s shared fields', () => {
  it('a number field is described by its hint, and by its error when there is one', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <NumberField
        id="d"
        label="Days kept"
        min={1}
        max={10}
        value="3"
        hint="From the end"
        error={undefined}
        onChange={onChange}
      />,
    );
    const field = screen.getByRole('spinbutton', { name: 'Days kept' });
    expect(field.getAttribute('aria-describedby')).toBe('d-hint');
    expect(field.getAttribute('aria-invalid')).toBeNull();
    rerender(
      <NumberField
        id="d"
        label="Days kept"
        min={1}
        max={10}
        value="0"
        error="At least 1"
        onChange={onChange}
      />,
    );
    expect(field.getAttribute('aria-describedby')).toBe('d-error');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('At least 1')).toBeTruthy();
  });

  it('a role fieldset ticks the roles given and hands back the new set, in the usual order', async () => {
    const onChange = vi.fn();
    render(<RoleChecks idPrefix="r" legend="Who may read" roles={['admin']} onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Who may read' });
    expect(group).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Administrators' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Tutors' }));
    expect(onChange).toHaveBeenCalledWith(['tutor', 'admin']);
  });
});
