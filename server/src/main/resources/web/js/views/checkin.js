// Before every session: the three symptoms-now questions, pain now and anything new since last time
// (docs/checkin-format.md, under 30 s on a phone). After it: pain after and how the session felt.
import { t } from '../i18n.js';
import { post, ApiError } from '../api.js';
import { h, fill, problemBox, scale } from '../dom.js';
import { go } from '../app.js';
import * as profile from '../profile.js';
import { bedNow } from '../dates.js';

/** What "anything new?" can reopen (docs/checkin-format.md "changes"). */
const CHANGES = ['RF_TRAUMA', 'CI_RECENT_SURGERY_OR_FRACTURE', 'CI_DVT', 'CI_PREGNANCY', 'CI_ANTICOAGULANT'];

export function today() {
  const d = bedNow();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The check-in's "pain now", kept for this tab until a session starts, then kept for that session
 * until the pain-after page records it as the session's pain before (NRS_BEFORE with its sessionId),
 * which the adaptation and the report read per session (docs/diary-format.md).
 */
export const PAIN_NOW_KEY = (id) => `rollwell.painNow.${id}`;
export const PAIN_BEFORE_KEY = (sessionId) => `rollwell.painBefore.${sessionId}`;

/** A diary entry (rollwell.diary/1 kinds); a server without the diary yet is no reason to stop. */
async function diary(id, entry) {
  try {
    await post(`/api/profiles/${id}/pain`, { date: today(), ...entry });
  } catch (err) {
    if (!(err instanceof ApiError) || !err.routeMissing) throw err;
  }
}

export async function render({ id }) {
  const stored = await profile.load(id);
  const answers = {};
  let painNow = null;
  const out = h('div');
  const yesNo = (qid) => h('fieldset.card', { 'data-question': qid }, h('legend', h('strong', t(`q.${qid}`))),
    h('div.big-choice', ['yes', 'no'].map((a) => {
      const b = h('button', { type: 'button', id: `${qid}-${a}`, 'aria-pressed': 'false', onclick: () => {
        answers[qid] = a === 'yes';
        b.parentElement.querySelectorAll('button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
      } }, t(`common.${a}`));
      return b;
    })));
  const save = h('button.primary', { type: 'submit', id: 'save-checkin' }, t('checkin.submit'));
  const f = h('form', { novalidate: true },
    profile.SYMPTOMS_NOW.map(yesNo),
    h('div.card', scale('pain-now', 'checkin.painNow', null, (n) => { painNow = n; })),
    h('fieldset.card.checks', h('legend', h('strong', t('checkin.changes'))), h('p.hint', t('checkin.changesHint')),
      CHANGES.map((c) => h('label', h('input', { type: 'checkbox', name: 'change', value: c }), t(`change.${c}`)))),
    out, h('div.actions', save, h('a.button', { href: `#/p/${id}` }, t('common.cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const missing = profile.SYMPTOMS_NOW.filter((q) => typeof answers[q] !== 'boolean');
    if (missing.length || painNow === null) {
      fill(out, h('div.problem', { role: 'alert' }, h('p', t(missing.length ? 'checkin.answerAll' : 'checkin.painMissing'))));
      (f.querySelector(missing.length ? `#${missing[0]}-yes` : 'input[name=pain-now]')).focus();
      return;
    }
    const changes = [...f.querySelectorAll('input[name=change]:checked')].map((i) => i.value);
    const checkIn = { format: 'rollwell.checkin/1', date: today(), answers, painNowNrs: painNow, changes };
    save.disabled = true;
    fill(out, h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      let verdict = null;
      try {
        verdict = await post(`/api/profiles/${id}/checkin`, checkIn);
      } catch (err) {
        if (!(err instanceof ApiError) || !err.routeMissing) throw err;
        // No check-in route on this server: the profile's own answers and painTodayNrs stand in
        // for the day's check-in (docs/checkin-format.md), so keep them current.
        await profile.update(id, (d) => {
          d.answers = { ...(d.answers || {}), ...answers };
          for (const c of changes) d.answers[c] = true;
          d.painTodayNrs = painNow;
        });
      }
      // pain now is the day's rating; the diary ties a 'before' rating to a session, which starts later
      await diary(id, { kind: 'NRS_DAILY', nrs: painNow });
      sessionStorage.setItem(PAIN_NOW_KEY(id), JSON.stringify({ date: today(), nrs: painNow }));
      if (!verdict || !verdict.verdict) verdict = await profile.verdict(await profile.load(id));
      go(verdict.verdict === 'OK' ? `/p/${id}/scan` : `/p/${id}/stop`);
    } catch (err) {
      fill(out, problemBox(err));
      save.disabled = false;
    }
  });
  const node = h('div', h('h1', t('checkin.title')), h('p', t('checkin.intro', { name: stored.name })), f);
  return { title: t('checkin.title'), node };
}

export async function painAfter({ id }, query) {
  // the session these ratings are about (the live view's link names it), so they count for that session
  const sessionId = (query && query.get('session')) || undefined;
  let nrs = null;
  const feedback = { pressure: null, heat: null };
  const out = h('div');
  const pick = (name, values) => h('fieldset.card', h('legend', h('strong', t(`after.${name}`))),
    h('div.checks', values.map((v) => h('label', h('input', { type: 'radio', name, value: v, onchange: () => { feedback[name] = v; } }),
      t(`after.${name}.${v}`)))));
  const save = h('button.primary', { type: 'submit', id: 'save-pain-after' }, t('common.save'));
  const f = h('form', { novalidate: true },
    h('div.card', scale('pain-after', 'after.painNow', null, (n) => { nrs = n; })),
    pick('pressure', ['TOO_GENTLE', 'RIGHT', 'TOO_STRONG']),
    pick('heat', ['TOO_COOL', 'RIGHT', 'TOO_HOT']),
    out, h('div.actions', save));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (nrs === null) {
      fill(out, h('div.problem', { role: 'alert' }, h('p', t('after.painMissing'))));
      f.querySelector('input[name=pain-after]').focus();
      return;
    }
    save.disabled = true;
    fill(out, h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      const before = sessionId && JSON.parse(sessionStorage.getItem(PAIN_BEFORE_KEY(sessionId)) || 'null');
      if (before) {
        await diary(id, { date: before.date, kind: 'NRS_BEFORE', nrs: before.nrs, sessionId });
        sessionStorage.removeItem(PAIN_BEFORE_KEY(sessionId));
      }
      await diary(id, { kind: 'NRS_AFTER', nrs, sessionId });
      if (feedback.pressure && feedback.heat) {
        await diary(id, { kind: 'FEEDBACK', pressure: feedback.pressure, heat: feedback.heat, sessionId });
      }
      go(`/p/${id}/history?saved=1`);
    } catch (err) {
      fill(out, problemBox(err));
      save.disabled = false;
    }
  });
  return { title: t('after.title'), node: h('div', h('h1', t('after.title')), h('p', t('after.intro')), f) };
}
