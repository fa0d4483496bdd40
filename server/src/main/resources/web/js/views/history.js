// Session history, newest first, and one session's record: planned against delivered, faults, peaks.
import { t } from '../i18n.js';
import { get } from '../api.js';
import { h } from '../dom.js';
import * as profile from '../profile.js';

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export async function list({ id }, query) {
  const stored = await profile.load(id);
  const sessions = await get(`/api/sessions?profileId=${encodeURIComponent(id)}`);
  const node = h('div',
    h('h1', t('history.title', { name: stored.name })),
    query.get('saved') ? h('p.notice', { role: 'status' }, t('history.saved')) : null,
    sessions.length === 0 ? h('p', t('history.none')) : h('ul.menu', { id: 'history-list' }, sessions.map((s) => h('li',
      h('a', { href: `#/p/${id}/history/${s.id}` },
        h('span', when(s.startedAt || s.started || s.date), ' · ', s.goal || s.program || ''),
        h(`span.badge${s.status === 'COMPLETED' ? '' : '.todo'}`, t(`status.${s.status}`)))))),
    h('div.actions', h('a.button.primary', { href: `#/p/${id}/checkin` }, t('home.start')), h('a.button', { href: `#/p/${id}` }, t('stop.backToProfile'))));
  return { title: t('history.title', { name: stored.name }), node };
}

export async function record({ id, sid }) {
  const s = await get(`/api/sessions/${encodeURIComponent(sid)}`);
  const r = s.record || s;
  const segments = r.segments || [];
  const faults = r.faults || [];
  const node = h('div',
    h('h1', t('history.recordTitle', { when: when(s.startedAt || s.started) })),
    h('p', h(`span.badge${s.status === 'COMPLETED' ? '' : '.todo'}`, t(`status.${s.status || r.status}`))),
    h('div.card', h('table.stack', h('caption.muted', t('history.segmentsCaption')),
      h('thead', h('tr', ['plan.part', 'history.planned', 'history.delivered'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', segments.map((x, i) => h('tr', h('td', `${i + 1}. ${t(`technique.${x.technique}`)}`),
        h('td', t('history.seconds', { s: x.plannedS ?? '–' })), h('td', t('history.seconds', { s: x.deliveredS ?? '–' }))))))),
    r.peaks ? h('div.card', h('h2', t('history.peaks')), h('ul', Object.entries(r.peaks).map(([k, v]) => h('li', `${k}: ${v}`)))) : null,
    h('div.card', h('h2', t('history.faults')), faults.length ? h('ul', faults.map((f) => h('li', `${f.code || ''} ${f.message || ''}`))) : h('p', t('history.noFaults'))),
    h('a.button', { href: `#/p/${id}/history` }, t('common.back')));
  return { title: t('history.recordTitleShort'), node, wide: true };
}
