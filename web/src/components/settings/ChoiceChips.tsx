// A multiple choice as a row of toggle chips (channels, priorities): none chosen means "any".
import { humanize } from '../../labels.ts';
import { toggled } from '../../settings/conditions.ts';

interface ChoiceChipsProps<T extends string> {
  /** Names the group for screen readers: "Channels". */
  label: string;
  options: readonly T[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
}

export function ChoiceChips<T extends string>({ label, options, chosen, onChange }: ChoiceChipsProps<T>) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of chips, not a fieldset with a legend; the group is named all the same.
    <div className="chips" role="group" aria-label={label}>
      {options.map((option) => {
        const on = chosen.includes(option);
        return (
          <button
            key={option}
            type="button"
            className={on ? 'chip chosen' : 'chip'}
            aria-pressed={on}
            onClick={() => onChange(toggled(chosen, option, !on))}
          >
            {humanize(option)}
          </button>
        );
      })}
    </div>
  );
}
