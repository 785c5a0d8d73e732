// One of a few, as a row of radio buttons that look like a segmented control: the Trends choices, a survey's
// period and kind. A real radio group, so arrows move between the options and a screen reader names the legend.

interface SegmentedChoiceProps<T extends string> {
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: T; label: string; disabled?: boolean }>;
  chosen: T;
  onChoose: (value: T) => void;
}

export function SegmentedChoice<T extends string>({
  legend,
  name,
  options,
  chosen,
  onChoose,
}: SegmentedChoiceProps<T>) {
  return (
    <fieldset className="segmented-choice">
      <legend>{legend}</legend>
      <div className="segmented">
        {options.map((option) => (
          <label key={option.value} className={option.value === chosen ? 'chosen' : undefined}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === chosen}
              disabled={option.disabled}
              onChange={() => onChoose(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
