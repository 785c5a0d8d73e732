// SLA targets are minutes in the API and hours plus minutes on screen.

export interface HoursAndMinutes {
  hours: string;
  minutes: string;
}

export const NO_DURATION: HoursAndMinutes = { hours: '', minutes: '' };

export function splitMinutes(total: number | undefined): HoursAndMinutes {
  if (total === undefined) return NO_DURATION;
  return { hours: String(Math.floor(total / 60)), minutes: String(total % 60) };
}

/**
 * Both boxes empty means no target. Anything else goes to the server as entered (a fraction or a
 * negative included), so its refusal appears beside the cell rather than being quietly rounded here.
 */
export function joinMinutes({ hours, minutes }: HoursAndMinutes): number | undefined {
  if (hours.trim() === '' && minutes.trim() === '') return undefined;
  return Number(hours || 0) * 60 + Number(minutes || 0);
}

/** `90` → `1h 30m`, `2880` → `2d`, `1500` → `1d 1h`. */
export function formatMinutes(total: number): string {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0m';
}
