import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom, unplacedErrors } from './field-errors';

describe('field errors', () => {
  it('keys field errors by dotted path, first message wins', () => {
    expect(
      fieldErrorsFrom([
        { path: 'guests[0].name', message: 'Name is required' },
        { path: 'guests.0.name', message: 'second' },
        { path: 'title', message: 'Title is required' },
        { path: '', message: 'Whole form' },
      ]),
    ).toEqual({ 'guests.0.name': 'Name is required', title: 'Title is required', form: 'Whole form' });
  });

  it('lists what no field shows', () => {
    const errors = { title: 'Title is required', form: 'Whole form', 'studentIds.3': 'No such student' };
    expect(unplacedErrors(errors, (path) => path === 'title')).toEqual(['Whole form', 'No such student']);
  });
});
