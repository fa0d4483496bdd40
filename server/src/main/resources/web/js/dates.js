// Dates and times as the pages show them: ISO 8601 everywhere (2026-11-30, 2026-11-30 08:05),
// in the browser's own time zone. Choice (issue 12): one unambiguous form for every reader; the
// page's language alone ("en") would give US order (11/30/2026) to a reader in Europe, and the
// date fields (<input type=date>), the diary and the server's reasons already speak ISO.

const two = (n) => String(n).padStart(2, '0');

/** A day as YYYY-MM-DD; a text that is not a date comes back as it was. */
export function dayText(value) {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (value === null || value === undefined || Number.isNaN(d.getTime())) return value ?? '';
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** An instant as YYYY-MM-DD HH:MM in the browser's time zone (24 h); a text that is not one comes back as it was. */
export function dateTimeText(value) {
  const d = new Date(value);
  if (value === null || value === undefined || Number.isNaN(d.getTime())) return value ?? '';
  return `${dayText(d)} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
