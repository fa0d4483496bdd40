// Is it helping? The progress as GET /api/profiles/ID/progress states it (the figures and rules of
// `rollwell progress`: baseline, the mean of the last 14 days, the change in points and per cent, the
// minimal important change, the IMMPACT band of the PEG, the n-of-1 verdict), the PEG and daily pain
// over time, the adaptation log, and the report and exports to download.
import { t } from '../i18n.js';
import { get, ApiError } from '../api.js';
import { h } from '../dom.js';
import { trendSvg } from '../trend.js';
import { isoDay, addDays } from './diary.js';
import * as profile from '../profile.js';
import { dayText } from '../dates.js';

/** Six weeks after the first session without a 30 % better PEG: suggest a clinical review (DOMAIN.md §6). */
const REVIEW_AFTER_DAYS = 42;
const REVIEW_PEG_PCT = 30;
/** IMMPACT (Dworkin et al. 2008): 30 % is a moderate improvement, the line drawn on the PEG chart. */
const MODERATE_PCT = 30;

const one = (v) => (typeof v === 'number' ? v.toFixed(1) : '–');

function change(base, latest, pct) {
  if (typeof base !== 'number' || typeof latest !== 'number') return '–';
  const points = base - latest;
  const pctText = typeof pct === 'number' ? t(pct >= 0 ? 'progress.pctBetter' : 'progress.pctWorse', { pct: Math.abs(pct).toFixed(1) }) : '';
  return [t(points >= 0 ? 'progress.pointsLess' : 'progress.pointsMore', { points: Math.abs(points).toFixed(1) }), pctText]
    .filter(Boolean).join(', ');
}

export function reason(p) {
  const e = p.effect || {};
  return t(`progress.reason.${p.verdict}`, { low: one(e.ciLow), high: one(e.ciHigh), diff: one(e.meanDiff) });
}

async function adaptations(id) {
  try {
    return (await get(`/api/profiles/${encodeURIComponent(id)}/adaptations`)).adaptations || [];
  } catch (err) {
    if (err instanceof ApiError && err.routeMissing) return null;
    throw err;
  }
}

export async function render({ id }) {
  const stored = await profile.load(id);
  const base = `/api/profiles/${encodeURIComponent(id)}`;
  const [p, diary, log] = await Promise.all([get(`${base}/progress`), get(`${base}/pain`), adaptations(id)]);
  const entries = diary.entries || [];
  const pegs = entries.filter((e) => e.kind === 'PEG')
    .map((e) => ({ date: e.date, value: (e.pain + e.enjoyment + e.activity) / 3 }));
  const daily = entries.filter((e) => e.kind === 'NRS_DAILY').map((e) => ({ date: e.date, value: e.nrs }));
  const today = isoDay();
  const review = diary.firstSessionDate && today >= addDays(diary.firstSessionDate, REVIEW_AFTER_DAYS)
    && !(typeof p.pegChangePct === 'number' && p.pegChangePct >= REVIEW_PEG_PCT);
  const badge = p.verdict === 'LIKELY_BETTER' ? '' : p.verdict === 'LIKELY_WORSE' ? '.stop' : '.todo';
  const row = (key, ...cells) => h('tr', h('th', { scope: 'row' }, t(key)), cells.map((c) => h('td', c)));
  const pegThreshold = typeof p.baseline.peg === 'number' ? p.baseline.peg * (1 - MODERATE_PCT / 100) : null;

  const node = h('div',
    h('h1', t('progress.title', { name: stored.name })),
    h('div.card', { id: 'verdict' },
      h('h2', t('progress.verdictTitle')),
      h('p', h(`span.badge${badge}`, { id: 'verdict-badge' }, t(`progress.verdict.${p.verdict}`))),
      h('p', { id: 'verdict-reason' }, reason(p)),
      p.missing && p.missing.length ? h('div', h('p', t('progress.missing')), h('ul', { id: 'progress-missing' },
        p.missing.map((m) => h('li', m)))) : null),
    review || p.verdict === 'LIKELY_WORSE' ? h('div.notice', { role: 'status', id: 'progress-review' },
      review ? h('p', t('progress.review', { weeks: REVIEW_AFTER_DAYS / 7, pct: REVIEW_PEG_PCT })) : null,
      p.verdict === 'LIKELY_WORSE' ? h('p', t('progress.worse')) : null,
      h('p', t('progress.reviewAdvice'))) : null,
    h('div.card', h('table', { id: 'progress-figures' },
      h('caption.muted', t('progress.figuresCaption')),
      h('thead', h('tr', h('td'), h('th', { scope: 'col' }, t('progress.col.nrs')), h('th', { scope: 'col' }, t('progress.col.peg')))),
      h('tbody',
        row('progress.baseline', one(p.baseline.nrs), one(p.baseline.peg)),
        row('progress.latest', one(p.latest.nrs), one(p.latest.peg)),
        row('progress.change', change(p.baseline.nrs, p.latest.nrs, p.nrsChangePct), change(p.baseline.peg, p.latest.peg, p.pegChangePct)),
        row('progress.judged',
          p.micReached === null || p.micReached === undefined ? '–' : t(p.micReached ? 'progress.micReached' : 'progress.micNotReached'),
          p.immpact ? t(`progress.immpact.${p.immpact}`) : '–'))),
      h('p.hint', t('progress.sources'))),
    h('div.card', h('h2', t('progress.pegTrend')),
      pegs.length ? [trendSvg(pegs, [{ value: p.baseline.peg, label: t('progress.chartBaseline'), dash: true },
        { value: pegThreshold, label: t('progress.chartModerate'), colour: '#1d5e33', dash: true }], t('progress.pegChartName')),
      h('table.stack', { id: 'peg-table' }, h('caption.muted', t('progress.pegTableCaption')),
        h('thead', h('tr', h('th', { scope: 'col' }, t('diary.col.date')), h('th', { scope: 'col' }, t('progress.col.peg')))),
        h('tbody', pegs.map((x) => h('tr', h('td', dayText(x.date)), h('td', x.value.toFixed(1))))))]
        : h('p', t('progress.noPeg'))),
    h('div.card', h('h2', t('progress.nrsTrend')),
      daily.length ? [trendSvg(daily, [{ value: p.baseline.nrs, label: t('progress.chartBaseline'), dash: true },
        { value: p.latest.nrs, label: t('progress.chartRecent'), colour: '#1d5e33' }], t('progress.nrsChartName')),
      h('p.hint', t('progress.nrsTrendText', { count: daily.length, base: one(p.baseline.nrs), recent: one(p.latest.nrs) }))]
        : h('p', t('progress.noNrs'))),
    h('div.card', { id: 'adaptation-log' }, h('h2', t('progress.adaptations')),
      log === null ? h('p', t('progress.adaptationsElsewhere'))
        : log.length === 0 ? h('p', t('progress.noAdaptations'))
          : h('ul', log.map((a) => h('li', h('strong', `${dayText(a.date)}: ${a.change}`), ' — ', a.why)))),
    h('div.card', { id: 'downloads' }, h('h2', t('progress.downloads')), h('p', t('progress.downloadsIntro')),
      h('div.actions',
        h('a.button.primary', { href: `${base}/report.pdf`, download: '', id: 'download-report' }, t('progress.downloadPdf')),
        h('a.button', { href: `${base}/export.zip`, download: '', id: 'download-csv' }, t('progress.downloadCsv')),
        h('a.button', { href: `${base}/export.fhir.json`, download: '', id: 'download-fhir' }, t('progress.downloadFhir')),
        h('a.button', { href: `${base}/history.json`, download: '', id: 'download-history' }, t('progress.downloadHistory')))),
    h('div.actions', h('a.button', { href: `#/p/${id}/diary` }, t('progress.toDiary')),
      h('a.button', { href: `#/p/${id}/course`, id: 'progress-to-course' }, t('home.course')),
      h('a.button', { href: `#/p/${id}` }, t('stop.backToProfile'))));
  return { title: t('progress.title', { name: stored.name }), node, wide: true };
}
