// The case settings: how long a conversation stays one case, what counts as a repeat contact, and when
// a resolved case closes for good. Only what changed is sent.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
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

// An empty box goes as null, for the server to refuse beside that field; the ranges in the hints are its rules.
const setting = z.string().transform((text) => (text.trim() === '' ? null : Number(text)));
const caseSettingsSchema = z.object({
  threadWindowHours: setting,
  repeatWindowDays: setting,
  autoCloseAfterDays: setting,
});

const draftOf = (settings: CaseSettings): z.input<typeof caseSettingsSchema> => ({
  threadWindowHours: String(settings.threadWindowHours),
  repeatWindowDays: String(settings.repeatWindowDays),
  autoCloseAfterDays: String(settings.autoCloseAfterDays),
});

export function CaseSettingsForm({ settings }: { settings: CaseSettings }) {
  const [current, setCurrent] = useState(settings);
  const form = useZodForm(caseSettingsSchema, { defaultValues: draftOf(settings), fields: FIELDS });
  const [saved, setSaved] = useState(false);
  const invalidate = useInvalidate();
  const change = useMutation({
    mutationFn: (changes: Partial<CaseSettings>) => settingsApi.changeCaseSettings(changes),
    onSuccess: () => invalidate(queryKeys.caseSettings()),
  });
  const save = async (values: z.output<typeof caseSettingsSchema>) => {
    setSaved(false);
    const changes: Partial<Record<SettingKey, number | null>> = {};
    for (const key of FIELDS) {
      if (values[key] !== current[key]) changes[key] = values[key];
    }
    if (Object.keys(changes).length === 0) return setSaved(true);
    const updated = await change.mutateAsync(changes as Partial<CaseSettings>);
    setCurrent(updated);
    form.reset(draftOf(updated));
    setSaved(true);
  };

  return (
    <form className="panel settings-form" aria-label="Case settings" onSubmit={form.submitWith(save)} noValidate>
      {form.general !== null && <ErrorAlert error={form.general} />}
      {SETTINGS.map(({ key, label, hint, max }) => {
        const id = `case-${key}`;
        return (
          <Field key={key} id={id} label={label} error={form.errorOf(key)} hint={hint}>
            <input
              {...form.input(key, id)}
              className="number-input"
              type="number"
              min={1}
              max={max}
              step={1}
              onInput={() => setSaved(false)}
            />
          </Field>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving}>
          {form.saving ? 'Saving…' : 'Save case settings'}
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
