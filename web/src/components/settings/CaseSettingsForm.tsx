// The case settings: how long a conversation stays one case, what counts as a repeat contact, and when
// a resolved case closes for good. Only what changed is sent.
import { useState } from 'react';
import { describedBy } from '../../forms.ts';
import { useFormSubmit } from '../../useFormSubmit.ts';
import { settingsApi } from '../../settings/api.ts';
import type { CaseSettings } from '../../settings/types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Field } from '../Field.tsx';

type SettingKey = keyof CaseSettings;

const SETTINGS: ReadonlyArray<{ key: SettingKey; label: string; hint: string; max: number }> = [
  {
    key: 'threadWindowHours',
    label: 'Thread window (hours)',
    hint: 'Without a reply header, a message from the same customer on the same channel within this time joins the case still being worked on. 1 to 2160.',
    max: 24 * 90,
  },
  {
    key: 'repeatWindowDays',
    label: 'Repeat-contact window (days)',
    hint: 'A new case with the same contact reason within this many days of an earlier one counts as a repeat contact. 1 to 365.',
    max: 365,
  },
  {
    key: 'autoCloseAfterDays',
    label: 'Close resolved cases after (days)',
    hint: 'Until then the customer can reply and reopen the case; afterwards a reply starts a new one. 1 to 28.',
    max: 28,
  },
];

const FIELDS = SETTINGS.map(({ key }) => key);

type Draft = Record<SettingKey, string>;

const draftOf = (settings: CaseSettings): Draft => ({
  threadWindowHours: String(settings.threadWindowHours),
  repeatWindowDays: String(settings.repeatWindowDays),
  autoCloseAfterDays: String(settings.autoCloseAfterDays),
});

export function CaseSettingsForm({ settings }: { settings: CaseSettings }) {
  const [current, setCurrent] = useState(settings);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [saved, setSaved] = useState(false);
  const { submit, saving, problem } = useFormSubmit(FIELDS, async () => {
    setSaved(false);
    const changes: Partial<Record<SettingKey, number | null>> = {};
    for (const key of FIELDS) {
      // An empty box goes as null, for the server to refuse beside that field.
      const value = draft[key].trim() === '' ? null : Number(draft[key]);
      if (value !== current[key]) changes[key] = value;
    }
    if (Object.keys(changes).length === 0) return setSaved(true);
    const updated = await settingsApi.changeCaseSettings(changes as Partial<CaseSettings>);
    setCurrent(updated);
    setDraft(draftOf(updated));
    setSaved(true);
  });
  const { byField } = problem;

  return (
    <form className="panel settings-form" aria-label="Case settings" onSubmit={submit} noValidate>
      {problem.general !== null && <ErrorAlert error={problem.general} />}
      {SETTINGS.map(({ key, label, hint, max }) => {
        const id = `case-${key}`;
        return (
          <Field key={key} id={id} label={label} error={byField[key]} hint={hint}>
            <input
              {...describedBy(id, byField[key])}
              className="number-input"
              type="number"
              min={1}
              max={max}
              step={1}
              value={draft[key]}
              onChange={(event) => {
                setSaved(false);
                setDraft({ ...draft, [key]: event.target.value });
              }}
            />
          </Field>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save case settings'}
        </button>
        {saved && (
          <span className="saved" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
