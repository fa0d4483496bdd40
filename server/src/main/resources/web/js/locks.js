// The bed's service locks as a person reads them (GET /api/bed "locks"): which part is locked, why,
// what it means for a session, and what a service reset needs (docs/faults.md "Latches").
import { t } from './i18n.js';
import { h } from './dom.js';

/**
 * Causes whose heat the zone's own duty cannot stop: the bed keeps its heater mains open, so every zone
 * runs unheated (bed ServiceLocks.heatsWithoutDuty).
 */
const MAINS = ['HEATER_STUCK_ON', 'HEATER_RUNAWAY', 'ROLLER_OVER_TEMPERATURE'];

/** "lift" or "zone N heat" (companion BedStatus.LockView) as {part, zone}. */
function part(kind) {
  const zone = /zone (\d+)/.exec(kind || '');
  return zone ? { part: 'zone', zone: Number(zone[1]) } : { part: 'lift', zone: null };
}

/** Whether a lock stops every session (the lift); a zone's heat lock leaves that zone unheated. */
export function liftLocked(locks) {
  return (locks || []).some((l) => part(l.kind).part === 'lift');
}

/** The box for the locks, or null without any; {@code id} names the box for the tests and the screen reader. */
export function lockBox(locks, id = 'locks') {
  if (!locks || !locks.length) return null;
  return h('div.problem', { id, role: 'status' },
    h('p', h('strong', t('lock.title'))),
    h('ul', locks.map((l) => {
      const p = part(l.kind);
      // the reason is "CODE: detail", and the detail names its code again: say the code once
      const text = String(l.reason || '');
      const cause = text.split(': ')[0];
      const detail = text.slice(cause.length + 2);
      return h('li', { 'data-lock': l.kind },
        h('p', h('strong', t(`lock.${p.part}`, { zone: p.zone })), ' ',
          t(p.part === 'zone' && MAINS.includes(cause) ? 'lock.zone.meansMains' : `lock.${p.part}.means`)),
        h('p', t('lock.cause', { cause: detail.startsWith(cause) ? detail : `${cause} (${detail})` })),
        h('p', t('lock.reset'), ' ',
          h('code', p.part === 'lift' ? t('lock.command.lift') : t('lock.command.zone', { zone: p.zone }))));
    })));
}
