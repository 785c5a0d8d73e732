// Which zone's days the metrics count in, and for those who change settings a small form to change it: every day
// is counted again in the new zone, so the numbers of past periods can move, and the form says so first.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useCan } from '../../permissions.ts';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { metricsApi } from '../../dashboard/metrics-api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { TimeZoneField } from '../settings/TimeZoneField.tsx';

export function MetricsTimeZone({ timeZone }: { timeZone: string }) {
  const can = useCan();
  const [changing, setChanging] = useState(false);
  return (
    <div className="metrics-zone">
      <p className="muted" data-testid="metrics-zone">
        Counted in <strong>{timeZone}</strong>
        {can('settings:manage') && !changing && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => setChanging(true)}>
              Change time zone
            </button>
          </>
        )}
      </p>
      {changing && <TimeZoneForm timeZone={timeZone} onDone={() => setChanging(false)} />}
    </div>
  );
}

const zoneSchema = z.object({ timeZone: z.string().trim().min(1, 'Choose a time zone') });

function TimeZoneForm({ timeZone, onDone }: { timeZone: string; onDone: () => void }) {
  const form = useZodForm(zoneSchema, { defaultValues: { timeZone }, fields: ['timeZone'] });
  const invalidate = useInvalidate();
  const change = useMutation({
    mutationFn: (zone: string) => metricsApi.changeTimeZone(zone),
    onSuccess: () => invalidate(queryKeys.metricSettings(), queryKeys.metrics()),
  });
  const save = async (values: z.output<typeof zoneSchema>) => {
    await change.mutateAsync(values.timeZone);
    onDone();
  };
  return (
    <form className="panel zone-form" aria-label="Metrics time zone" onSubmit={form.submitWith(save)} noValidate>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <TimeZoneField
        value={form.watch('timeZone')}
        onChange={(zone) => form.setValue('timeZone', zone)}
        error={form.errorOf('timeZone')}
      />
      <p className="zone-warning" role="note">
        Every day, week and month is counted again in the new zone, for every period: past numbers can move.
      </p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.saving}>
          Count in this zone
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
