// The signed-in person's own feedback digest: never, daily or weekly by email, saved at once and confirmed in a
// status line. The server mails it once her period has run, and nothing for a period without feedback.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../forms/useZodForm.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { useStaff } from '../staff.ts';
import { feedApi, type DigestFrequency } from '../feedback/feed-api.ts';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';

const CHOICES = [
  { value: 'never', label: 'Never' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
] as const;

const digestSchema = z
  .object({ frequency: z.enum(['never', 'daily', 'weekly']) })
  .transform(({ frequency }): DigestFrequency => (frequency === 'never' ? null : frequency));

function savedLine(frequency: DigestFrequency, email: string): string {
  return frequency === null
    ? 'Saved: you get no digest of feedback.'
    : `Saved: a ${frequency} digest of new feedback goes to ${email}.`;
}

export function DigestSubscriptionForm() {
  const subscription = useQuery({
    queryKey: queryKeys.digestSubscription(),
    queryFn: ({ signal }) => feedApi.digest(signal),
  });
  if (subscription.isPending) return <Loading label="Loading your digest…" />;
  if (subscription.isError) return <ErrorAlert error={subscription.error} />;
  return <DigestForm frequency={subscription.data.frequency} />;
}

function DigestForm({ frequency }: { frequency: DigestFrequency }) {
  const me = useStaff();
  const invalidate = useInvalidate();
  const form = useZodForm(digestSchema, {
    defaultValues: { frequency: frequency ?? 'never' },
    fields: ['frequency'],
  });
  const save = useMutation({
    mutationFn: (chosen: DigestFrequency) => feedApi.setDigest(chosen),
    onSuccess: () => invalidate(queryKeys.digestSubscription()),
  });
  const [saved, setSaved] = useState<DigestFrequency | undefined>(undefined);
  const chosen = form.watch('frequency');
  const error = form.errorOf('frequency');
  return (
    <form
      className="panel digest-form"
      aria-label="Feedback digest"
      onSubmit={form.submitWith(async (value) => {
        setSaved(undefined);
        setSaved((await save.mutateAsync(value)).frequency);
      })}
      noValidate
    >
      {form.general !== null && <ErrorAlert error={form.general} />}
      <fieldset aria-describedby={error ? 'digest-frequency-error' : undefined}>
        <legend>Email me a digest of new feedback</legend>
        <div className="segmented">
          {CHOICES.map((choice) => (
            <label key={choice.value} className={chosen === choice.value ? 'chosen' : undefined}>
              <input type="radio" value={choice.value} {...form.register('frequency')} />
              {choice.label}
            </label>
          ))}
        </div>
        <button type="submit" disabled={form.saving}>
          {form.saving ? 'Saving…' : 'Save'}
        </button>
      </fieldset>
      {error && (
        <p className="field-error" id="digest-frequency-error">
          {error}
        </p>
      )}
      <p className="digest-status" role="status">
        {saved !== undefined ? savedLine(saved, me.email) : ''}
      </p>
    </form>
  );
}
