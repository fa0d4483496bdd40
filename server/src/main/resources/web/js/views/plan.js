// Choose a goal or a program, see the plan (timeline, limits, why of each part), then start.
import { t } from '../i18n.js';
import { get, post, ApiError } from '../api.js';
import { h, fill, problemBox, labelCells } from '../dom.js';
import { go } from '../app.js';
import { lockBox, liftLocked } from '../locks.js';
import { dateTimeText } from '../dates.js';
import { PAIN_BEFORE_KEY, PAIN_NOW_KEY, today } from './checkin.js';

export const GOALS = ['RELIEVE_TENSION', 'RANGE_OF_MOTION', 'STRESS', 'TRIGGER_POINTS', 'CIRCULATION'];
/** Choice: the lengths offered, within the planner's 10–60 min; the preview needs one (docs/api.md). */
const MINUTES = [10, 15, 20, 30, 40];
/** The session start's own default length, min (docs/api.md POST /api/sessions). */
export const DEFAULT_MINUTES = 20;
/** One colour per technique, each dark enough for white text (WCAG 2.1 AA). */
export const TECHNIQUE_COLOURS = { WARM: '#9c4a00', ROLL: '#1f4e5f', KNEAD: '#5b3a8c', PRESS: '#8a1c3c', STRETCH: '#2f5d1e' };

/**
 * Keeps the check-in's pain now for the started session: the pain-after page records it as that
 * session's pain before (the diary takes a session's ratings once the session has delivered something).
 */
function painBefore(id, sessionId) {
  const kept = JSON.parse(sessionStorage.getItem(PAIN_NOW_KEY(id)) || 'null');
  sessionStorage.removeItem(PAIN_NOW_KEY(id));
  if (kept && kept.date === today()) sessionStorage.setItem(PAIN_BEFORE_KEY(sessionId), JSON.stringify(kept));
}

export async function goal({ id }) {
  let programs = [];
  let programsNote = null;
  try {
    programs = await get('/api/programs');
  } catch (err) {
    if (!(err instanceof ApiError) || !err.routeMissing) programsNote = problemBox(err);
  }
  const choice = (value, label, hint, checked) => h('label',
    h('input', { type: 'radio', name: 'what', value, checked, id: `what-${value.replace(/[^\w-]/g, '_')}` }),
    h('span', h('strong', label), hint ? h('span.hint', hint) : null));
  const f = h('form', { novalidate: true },
    h('fieldset.card.checks', h('legend', h('strong', t('goal.goals'))),
      GOALS.map((g, i) => choice(`goal:${g}`, t(`goal.${g}`), t(`goal.${g}.hint`), i === 0))),
    programs.length ? h('fieldset.card.checks', h('legend', h('strong', t('goal.programs'))),
      programs.map((p) => choice(`program:${p.id || p.name}`, p.title || p.name || p.id,
        p.minutes ? t('goal.programMinutes', { minutes: p.minutes }) : null, false))) : null,
    programsNote,
    h('div.card', h('label', { for: 'minutes' }, t('goal.minutes'), h('span.hint', t('goal.minutesHint'))),
      h('select', { id: 'minutes' },
        MINUTES.map((m) => h('option', { value: String(m), selected: m === DEFAULT_MINUTES }, t('goal.minutesN', { minutes: m }))))),
    h('div.actions', h('button.primary', { type: 'submit', id: 'to-plan' }, t('goal.preview')),
      h('a.button', { href: `#/p/${id}` }, t('common.cancel'))));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const [kind, value] = f.querySelector('input[name=what]:checked').value.split(/:(.*)/s);
    const q = new URLSearchParams({ [kind]: value });
    const minutes = f.querySelector('#minutes').value;
    if (minutes) q.set('minutes', minutes);
    go(`/p/${id}/plan?${q}`);
  });
  return { title: t('goal.title'), node: h('div', h('h1', t('goal.title')), h('p', t('goal.intro')), f) };
}

function request(id, query) {
  const body = {};
  if (query.get('program')) body.program = query.get('program'); else body.goal = query.get('goal') || GOALS[0];
  body.minutes = Number(query.get('minutes')) || DEFAULT_MINUTES; // the preview refuses a plan without a length
  return body;
}

/** The parts as blocks as long as their time, numbered as in the table below, and a legend of the colours. */
export function timeline(segments) {
  const total = segments.reduce((s, x) => s + (x.seconds || 0), 0) || 1;
  const colour = (technique) => TECHNIQUE_COLOURS[technique] || '#4a5a61';
  const used = [...new Set(segments.map((s) => s.technique))];
  return [
    h('div.timeline', { role: 'img', 'aria-label': t('plan.timelineLabel', { n: segments.length, minutes: Math.round(total / 60) }) },
      segments.map((s, i) => h('div', { style: `flex: ${s.seconds} 0 0; background: ${colour(s.technique)}`,
        title: `${i + 1}. ${t(`technique.${s.technique}`)} ${s.from}–${s.to}` }, String(i + 1)))),
    h('ul.timeline-legend', { 'aria-hidden': 'true' }, used.map((x) => h('li',
      h('span.swatch', { style: `background: ${colour(x)}` }), t(`technique.${x}`)))),
  ];
}

function limits(env) {
  if (!env) return null;
  const setBy = env.setBy || {};
  const row = (key, value, by) => h('tr', h('th', { scope: 'row' }, t(key)), h('td', value), h('td', by ? t('plan.setBy', { rule: by }) : ''));
  return h('table', h('caption.muted', t('plan.limitsCaption')), h('tbody',
    row('plan.maxForce', `${env.maxForceN} N`, setBy.maxForceN),
    row('plan.maxRollerTemp', env.heatAllowed ? `${env.maxRollerTempC} °C` : t('plan.heatOff'), setBy.maxRollerTempC),
    row('plan.maxSkinTemp', `${env.maxSkinTempC} °C`, setBy.maxSkinTempC),
    row('plan.maxMinutes', `${env.maxMinutes} min`, setBy.maxMinutes),
    row('plan.maxIntensity', String(env.maxIntensity), setBy.maxIntensity),
    (env.excluded || []).map((x) => row('plan.excluded', `${x.fromMm}–${x.toMm} mm`, x.reason)),
    (env.bans || []).map((b) => row('plan.ban', `${t(`technique.${b.technique}`)} ${b.from}–${b.to}`, b.setBy))));
}

export function segmentsTable(segments) {
  return labelCells(h('table.stack', h('caption.muted', t('plan.segmentsCaption')),
    h('thead', h('tr', ['plan.part', 'plan.where', 'plan.time', 'plan.force', 'plan.temp', 'plan.why'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', segments.map((s, i) => h('tr',
      h('td', `${i + 1}. ${t(`technique.${s.technique}`)}`), h('td', `${s.from}–${s.to}`),
      h('td', t('plan.minutesShort', { minutes: (s.seconds / 60).toFixed(1) })), h('td', `${s.forceN} N`),
      h('td', s.rollerTempC === null || s.rollerTempC === undefined ? t('plan.unheated') : `${s.rollerTempC} °C`),
      h('td', s.why || ''))))));
}

/** The plan's reasons that mean "not today" (server SessionPlans): the limit box below says them. */
const DAILY = ['DAILY_LIMIT', 'TOO_SOON'];

/** What is asked only to be said before Start: {@code get} of a route this server may not have, else null. */
async function optional(path) {
  try {
    return await get(path);
  } catch (err) {
    return null; // the plan preview itself says what a start would meet; these only say it earlier
  }
}

/** The daily limits when a session may not start now: which limit, and when the next may (issue 12). */
function limitBox(limits) {
  if (!limits || limits.allowed !== false) return null;
  return h('div.problem', { id: 'daily-limit', role: 'status' },
    h('p', h('strong', t('limit.title')), ' ', limits.reason || ''),
    limits.nextStartAt ? h('p', t('limit.next', { when: dateTimeText(limits.nextStartAt) })) : null);
}

export async function preview({ id }, query) {
  const body = request(id, query);
  const [plan, bed, today] = await Promise.all([post(`/api/profiles/${id}/plan-preview`, body),
    optional('/api/bed'), optional(`/api/profiles/${id}/daily-limits`)]);
  const blocked = plan.status && plan.status !== 'OK';
  const locks = (bed && bed.locks) || [];
  const cannotStart = liftLocked(locks) || (today && today.allowed === false);
  // the daily limit's own box says it with the time it ends: the plan's reasons need not repeat it
  const limitShown = Boolean(today && today.allowed === false);
  const blockedBy = (plan.reasons || []).filter((r) => !(limitShown && DAILY.includes(r.code)));
  const out = h('div');
  const start = h('button.primary', { type: 'button', id: 'start-session', onclick: async () => {
    start.disabled = true;
    fill(out, h('p.loading', { role: 'status' }, h('span.spinner', { 'aria-hidden': 'true' }), t('plan.starting')));
    try {
      const s = await post('/api/sessions', { profileId: id, ...body });
      painBefore(id, s.id);
      go(`/p/${id}/live?session=${s.id}`);
    } catch (err) {
      fill(out, problemBox(err));
      start.disabled = false;
    }
  } }, t('plan.start'));
  if (cannotStart) start.disabled = true; // said above, before the person presses it; the server refuses it too
  const node = h('div',
    h('h1', t('plan.title')),
    limitBox(today), lockBox(locks),
    blocked && blockedBy.length ? h(limitShown ? 'div.card' : 'div.problem', { role: limitShown ? null : 'alert' },
      h('p', h('strong', t(limitShown ? 'limit.also' : 'plan.blocked'))),
      h('ul', blockedBy.map((r) => h('li', r.message)))) : null,
    !blocked && (plan.segments || []).length ? [
      h('p', t('plan.summary', { minutes: Math.round((plan.totalSeconds || 0) / 60), n: plan.segments.length })),
      timeline(plan.segments),
      h('div.card', segmentsTable(plan.segments)),
      h('h2', t('plan.limits')), h('div.card', limits(plan.envelope)),
      (plan.reasons || []).length ? [h('h2', t('plan.reasons')), h('ul.card', plan.reasons.map((r) => h('li', r.message)))] : null,
      cannotStart ? null : h('p.notice', t('plan.beforeStart')),
      liftLocked(locks) ? h('p', { id: 'start-refused' }, t('plan.lockedStart')) : null,
      out,
      h('div.actions', start, h('a.button', { href: `#/p/${id}/goal` }, t('plan.change')))] : null,
    blocked ? h('div.actions', h('a.button', { href: `#/p/${id}` }, t('stop.backToProfile'))) : null);
  return { title: t('plan.title'), node, wide: true };
}
