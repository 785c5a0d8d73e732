// A session's day as staff pick it (a date field) and as the API takes it (an instant): noon where she is, so the
// day reads the same for colleagues up to twelve hours away, where midnight would show the day before for some.

/** `2026-11-20` → the ISO instant of noon that day in this browser's time zone; '' stays '' for the server to refuse. */
export function heldAtOf(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const noon = new Date(`${day}T12:00:00`);
  return Number.isNaN(noon.getTime()) ? day : noon.toISOString();
}

/** Today in this browser's time zone, as a date field holds it. */
export function today(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
