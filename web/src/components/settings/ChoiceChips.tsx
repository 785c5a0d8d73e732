// A multiple choice as a row of toggle chips (channels, priorities, reasons): none chosen means "any"; and a rule's
// condition made of one, with its label before it and the server's refusal under it.
import { humanize } from '../../labels.ts';
import { CASE_CHANNELS, toggled } from '../../settings/conditions.ts';

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

interface ChipConditionProps<T extends string> extends ChoiceChipsProps<T> {
  /** What the condition says before the chips: "Channel is". */
  condition: string;
  error?: string;
}

export function ChipCondition<T extends string>({ condition, error, ...chips }: ChipConditionProps<T>) {
  return (
    <div className="condition">
      <span className="condition-label">{condition}</span>
      <ChoiceChips {...chips} />
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

/** "Channel is", the same in every kind of rule. */
export function ChannelCondition(props: Pick<ChipConditionProps<string>, 'chosen' | 'error' | 'onChange'>) {
  // A rule may name a channel this list does not offer (set through the API); it stays choosable.
  const options = [...new Set([...CASE_CHANNELS, ...props.chosen])];
  return <ChipCondition condition="Channel is" label="Channels" options={options} {...props} />;
}
