import { type CallLayout, useCallLayout } from './call-layout';

const choices: { layout: CallLayout; label: string; short: string }[] = [
  { layout: 'grid', label: 'Grid view', short: 'Grid' },
  { layout: 'speaker', label: 'Speaker view', short: 'Speaker' },
];

/** "Grid view" / "Speaker view" in the control bar; the one in use is pressed. */
export function LayoutToggle() {
  const layout = useCallLayout((s) => s.layout);
  const setLayout = useCallLayout((s) => s.setLayout);
  return (
    // biome-ignore lint/a11y/useSemanticElements: two pressed-state buttons, not a form's fieldset
    <div role="group" aria-label="Layout" className="layout-toggle">
      {choices.map((choice) => (
        <button
          key={choice.layout}
          type="button"
          className="lk-button"
          aria-pressed={layout === choice.layout}
          aria-label={choice.label}
          onClick={() => setLayout(choice.layout)}
        >
          {choice.short}
        </button>
      ))}
    </div>
  );
}
