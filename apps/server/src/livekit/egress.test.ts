import { describe, expect, it } from 'vitest';
import { layoutPageUrl } from './egress';

describe('the recording layout page address', () => {
  it('carries the session title for the footer, keeping the base address', () => {
    const url = new URL(
      layoutPageUrl('http://127.0.0.1:8787/recording-layout/', { title: 'Algebra & more, wk 3' }),
    );
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:8787/recording-layout/');
    expect(url.searchParams.get('title')).toBe('Algebra & more, wk 3');
  });

  it('carries the key the page reads the whiteboard with', () => {
    const url = new URL(
      layoutPageUrl('http://127.0.0.1:8787/recording-layout/', { title: 'Maths', boardKey: 'abc.def' }),
    );
    expect(url.searchParams.get('board')).toBe('abc.def');
    expect(url.searchParams.get('title')).toBe('Maths');
  });

  it('adds nothing when there is no title', () => {
    expect(layoutPageUrl('https://assent.example/recording-layout/', {})).toBe(
      'https://assent.example/recording-layout/',
    );
  });
});
