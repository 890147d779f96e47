// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { onDemand } from './on-demand';

afterEach(cleanup);

const Failed = ({ name }: { name: string }) => <p>{name} could not be loaded</p>;

describe('a part fetched on demand', () => {
  it('shows the part once its code has arrived, with the props it was given', async () => {
    const Greeting = onDemand(
      async () =>
        function Loaded({ name }: { name: string }) {
          return <p>Hello {name}</p>;
        },
      Failed,
    );
    render(<Greeting name="Sam" />);
    expect(await screen.findByText('Hello Sam')).toBeTruthy();
  });

  it('shows its stand-in, not an error that takes the page down, when the fetch fails', async () => {
    const Greeting = onDemand<{ name: string }>(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    }, Failed);
    render(
      <main>
        <h1>The call</h1>
        <Greeting name="Sam" />
      </main>,
    );
    expect(await screen.findByText('Sam could not be loaded')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'The call' })).toBeTruthy();
  });
});
