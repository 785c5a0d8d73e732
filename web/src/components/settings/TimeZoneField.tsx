// The team's time zone, typed with suggestions from every IANA zone the browser knows. Typed rather than
// picked from a list of 400, and checked by the server, which names a zone it does not know.
import { useMemo } from 'react';
import { knownTimeZones, timeIn } from '../../settings/business-hours.ts';
import { describedBy } from '../../forms.ts';
import { Field } from '../Field.tsx';

interface TimeZoneFieldProps {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
}

export function TimeZoneField({ value, onChange, error }: TimeZoneFieldProps) {
  const zones = useMemo(knownTimeZones, []);
  const localTime = timeIn(value.trim(), Date.now());
  const hint = localTime ? `It is ${localTime} there now.` : 'An IANA name such as Europe/Paris or America/New_York.';
  return (
    <Field id="team-timezone" label="Time zone" error={error} hint={hint}>
      <input
        {...describedBy('team-timezone', error)}
        list="team-timezones"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id="team-timezones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </Field>
  );
}
