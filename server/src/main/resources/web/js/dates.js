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

// The bed's day: the server sends it with the account (`today`), and the pages date what they send by it,
// so a phone whose clock or time zone differs from the bed's computer never dates a check-in "tomorrow"
// (the server would refuse it) or counts the day's sessions on another day than the bed does.
let dayOffsetMs = 0;

/** Takes the server's YYYY-MM-DD as today: later calls of bedNow() move with the browser's clock from there. */
export function useBedDay(serverToday) {
  if (typeof serverToday !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(serverToday)) return;
  const local = new Date();
  const localNoon = new Date(local.getFullYear(), local.getMonth(), local.getDate(), 12);
  const serverNoon = new Date(`${serverToday}T12:00:00`);
  dayOffsetMs = Math.round((serverNoon - localNoon) / 86400000) * 86400000;
}

/** Now, on the bed's day (the browser's time of day). */
export function bedNow() {
  return new Date(Date.now() + dayOffsetMs);
}
