// Session history, newest first, and one session's record: planned against delivered, faults, peaks.
import { t } from '../i18n.js';
import { get } from '../api.js';
import { h, labelCells } from '../dom.js';
import * as profile from '../profile.js';
import { dateTimeText } from '../dates.js';

/** When a session started, as every page shows a time: ISO, in the browser's time zone (dates.js). */
const when = dateTimeText;

/** A message around a date, the date kept on one line (a phone would break 2026-11-30 at its hyphens). */
function withDate(key, date) {
  const [before, after = ''] = t(key, { when: '\u0000' }).split('\u0000');
  return [before, h('span.nowrap', date), after];
}

export async function list({ id }, query) {
  const stored = await profile.load(id);
  const sessions = await get(`/api/sessions?profileId=${encodeURIComponent(id)}`);
  const node = h('div',
    h('h1', t('history.title', { name: stored.name })),
    query.get('saved') ? h('p.notice', { role: 'status' }, t('history.saved')) : null,
    sessions.length === 0 ? h('p', t('history.none')) : h('ul.menu', { id: 'history-list' }, sessions.map((s) => h('li',
      h('a', { href: `#/p/${id}/history/${s.id}` },
        h('span', when(s.startedAt), ' · ', t('history.minutes', { delivered: minutes(s.deliveredS), planned: minutes(s.plannedS) })),
        h(`span.badge${s.status === 'COMPLETED' ? '' : '.todo'}`, t(`status.${s.status}`)))))),
    h('div.actions', h('a.button.primary', { href: `#/p/${id}/checkin` }, t('home.start')), h('a.button', { href: `#/p/${id}` }, t('stop.backToProfile'))));
  return { title: t('history.title', { name: stored.name }), node };
}

/** Whole minutes of a number of seconds, for the list (a record's table has the seconds). */
function minutes(seconds) {
  return typeof seconds === 'number' ? Math.round(seconds / 60) : '–';
}

const seconds = (x) => (typeof x === 'number' ? Math.round(x) : '–');

/** The peaks a record keeps (bed SessionRecord.Peaks) that mean something to a person, with their units. */
const PEAKS = [['forceN', 'N'], ['rollerTempC', '°C'], ['skinEstimateC', '°C']];

export async function record({ id, sid }) {
  const s = await get(`/api/sessions/${encodeURIComponent(sid)}`);
  // a running session has no record yet: its plan's segments show with nothing delivered
  const r = s.record || { segments: ((s.plan && s.plan.segments) || []).map((x) => ({ technique: x.technique, plannedS: x.seconds })) };
  const segments = r.segments || [];
  const faults = r.fault ? [r.fault] : [];
  const stops = (r.events || []).filter((e) => e.kind === 'STOP');
  const peaks = r.peaks ? PEAKS.filter(([k]) => typeof r.peaks[k] === 'number') : [];
  const node = h('div',
    h('h1', ...withDate('history.recordTitle', when(s.startedAt || s.started))),
    h('p', h(`span.badge${s.status === 'COMPLETED' ? '' : '.todo'}`, t(`status.${s.status}`))),
    stops.map((e) => h('p', { id: 'stopped-by' }, t('history.stoppedBy', { detail: e.detail }))),
    h('div.card', labelCells(h('table.stack', h('caption.muted', t('history.segmentsCaption')),
      h('thead', h('tr', ['plan.part', 'history.planned', 'history.delivered'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', segments.map((x, i) => h('tr', h('td', `${i + 1}. ${t(`technique.${x.technique}`)}`),
        h('td', t('history.seconds', { s: seconds(x.plannedS) })), h('td', t('history.seconds', { s: seconds(x.deliveredS) })))))))),
    peaks.length ? h('div.card', h('h2', t('history.peaks')), h('ul', { id: 'peaks' }, peaks.map(([k, unit]) =>
      h('li', t(`history.peak.${k}`), ' ', h('strong', `${Math.round(r.peaks[k] * 10) / 10} ${unit}`))))) : null,
    h('div.card', h('h2', t('history.faults')), faults.length
      ? h('ul', { id: 'faults' }, faults.map((f) => h('li', h('code', f.code))))
      : h('p', t('history.noFaults'))),
    h('a.button', { href: `#/p/${id}/history` }, t('common.back')));
  return { title: t('history.recordTitleShort'), node, wide: true };
}
