// The safety screening, one plain question at a time (DOMAIN.md §5). A red flag ends the screening
// on the stop page at once: why, what to do, how urgently, and that nothing will run.
import { t, has } from '../i18n.js';
import { h, fill, problemBox } from '../dom.js';
import { go } from '../app.js';
import * as profile from '../profile.js';

/** A "yes" to these asks one more thing before going on: where on the back, or when. */
const FOLLOW_UP = { CI_SKIN_LESION: 'region', CI_IMPLANT: 'region', CI_RECENT_SURGERY_OR_FRACTURE: 'date' };

export async function render({ id }, query) {
  const stored = await profile.load(id);
  const doc = structuredClone(stored.profile);
  const answers = { ...(doc.answers || {}) };
  const regions = [...(doc.regions || [])];
  let surgeryDate = doc.surgeryDate || '';
  const resumeAt = query.get('resume') ? profile.firstUnanswered(doc) : null;
  let index = resumeAt ? profile.QUESTIONS.indexOf(resumeAt) : 0;
  const node = h('div');

  async function finish(stopNow) {
    fill(node, h('h1', t('screening.title')), h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      await profile.update(id, (d) => {
        d.answers = answers;
        const kept = regions.filter((r) => answers[r.id] === true);
        if (kept.length) d.regions = kept; else delete d.regions;
        if (answers.CI_RECENT_SURGERY_OR_FRACTURE === true && surgeryDate) d.surgeryDate = surgeryDate;
        else delete d.surgeryDate;
      });
      const v = await profile.verdict(await profile.load(id));
      go(stopNow || v.verdict !== 'OK' ? `/p/${id}/stop` : `/p/${id}/conditions`);
    } catch (err) {
      fill(node, h('h1', t('screening.title')), problemBox(err),
        h('button.primary', { type: 'button', onclick: () => finish(stopNow) }, t('common.retry')));
    }
  }

  function answer(qid, yes) {
    const applies = profile.ASKED_POSITIVELY.includes(qid) ? !yes : yes;
    answers[qid] = applies;
    if (qid.startsWith('RF_') && applies) {
      finish(true); // a red flag ends the screening here (DOMAIN.md §5: red flags block)
      return;
    }
    if (applies && FOLLOW_UP[qid]) {
      show(true);
      return;
    }
    next();
  }

  function next() {
    index++;
    if (index >= profile.QUESTIONS.length) finish(false);
    else show(false);
  }

  function followUp(qid) {
    const kind = FOLLOW_UP[qid];
    if (kind === 'date') {
      const input = h('input', { type: 'date', id: 'surgery-date', value: surgeryDate });
      return h('div.card',
        h('label', { for: 'surgery-date' }, t('screening.surgeryDate'), h('span.hint', t('screening.surgeryDateHint'))),
        input,
        h('div.actions', h('button.primary', { type: 'button', id: 'follow-up-next', onclick: () => { surgeryDate = input.value; next(); } }, t('common.next'))));
    }
    const current = regions.find((r) => r.id === qid) || { id: qid, from: 'L3', to: 'L3' };
    const select = (sid, labelKey, value) => [h('label', { for: sid }, t(labelKey)),
      h('select', { id: sid }, profile.LEVELS.map((l) => h('option', { value: l, selected: l === value }, l)))];
    const box = h('div.card', h('p', t('screening.regionIntro')),
      select('region-from', 'screening.regionFrom', current.from), select('region-to', 'screening.regionTo', current.to));
    const err = h('div');
    box.append(err, h('div.actions', h('button.primary', { type: 'button', id: 'follow-up-next', onclick: () => {
      const from = box.querySelector('#region-from').value;
      const to = box.querySelector('#region-to').value;
      if (profile.LEVELS.indexOf(from) > profile.LEVELS.indexOf(to)) {
        fill(err, h('p.field-error', { role: 'alert' }, t('screening.regionOrder')));
        return;
      }
      const i = regions.findIndex((r) => r.id === qid);
      if (i >= 0) regions.splice(i, 1);
      regions.push({ id: qid, from, to });
      next();
    } }, t('common.next'))));
    return box;
  }

  function show(withFollowUp) {
    const qid = profile.QUESTIONS[index];
    const given = answers[qid];
    const shownYes = typeof given === 'boolean' ? (profile.ASKED_POSITIVELY.includes(qid) ? !given : given) : null;
    const choice = (yes) => h('button', { type: 'button', id: yes ? 'answer-yes' : 'answer-no', 'aria-pressed': String(shownYes === yes),
      onclick: () => answer(qid, yes) }, t(yes ? 'common.yes' : 'common.no'));
    fill(node, 
      h('p.muted', { id: 'question-count' }, t('screening.count', { n: index + 1, total: profile.QUESTIONS.length })),
      h('progress', { value: index, max: profile.QUESTIONS.length, 'aria-label': t('screening.progress') }),
      h('h1', { id: 'question', tabindex: '-1' }, t(`q.${qid}`)),
      has(`q.${qid}.hint`) ? h('p', t(`q.${qid}.hint`)) : null,
      h('div.big-choice', { role: 'group', 'aria-labelledby': 'question' }, choice(true), choice(false)),
      withFollowUp ? followUp(qid) : null,
      h('div.actions.split',
        index > 0 ? h('button', { type: 'button', id: 'question-back', onclick: () => { index--; show(false); } }, t('common.back')) : h('span'),
        h('a', { href: `#/p/${id}` }, t('screening.later'))));
    const focus = node.querySelector(withFollowUp ? '#surgery-date, #region-from' : '#question');
    if (focus) focus.focus();
  }

  show(false);
  return { title: t('screening.title'), node };
}

export async function stop({ id }) {
  const stored = await profile.load(id);
  const v = await profile.verdict(stored);
  if (v.verdict === 'OK') {
    const node = h('div', h('h1', t('stop.noneTitle')), h('p', t('stop.none')),
      h('a.button.primary', { href: `#/p/${id}/conditions` }, t('common.continue')));
    return { title: t('stop.noneTitle'), node };
  }
  // questions left unanswered after a red flag ended the screening are not news: show the flags that stop
  const stopping = v.flags.filter((f) => f.kind !== 'INCOMPLETE' && f.kind !== 'CHECK_IN');
  const flags = stopping.length ? stopping : v.flags;
  const clearable = flags.filter((f) => profile.CLEARABLE.includes(f.code));
  const urgent = flags.some((f) => profile.SYMPTOMS_NOW.includes(f.code));
  const node = h('div.card.stop-page', { id: 'stop-page' },
    h('h1', t(urgent ? 'stop.urgentTitle' : 'stop.title')),
    h('p.urgency', { id: 'stop-nothing-runs' }, t('stop.nothingRuns', { name: stored.name })),
    flags.map((f) => h('section.notice', { 'data-flag': f.code },
      h('p.urgency', t('stop.howUrgent'), ' ',
        has(`urgency.${f.code}`) ? t(`urgency.${f.code}`) : t(`urgencyLevel.${f.urgency || 'NONE'}`)),
      h('p', h('strong', t('stop.why')), ' ', has(`yes.${f.code}`) ? t(`yes.${f.code}`) : (f.plain || '')),
      has(`q.${f.code}`) ? h('p.muted', t('stop.answered'), ' ', t(`q.${f.code}`)) : null)),
    clearable.length && !urgent ? h('p', t('stop.clearanceIntro')) : null,
    h('div.actions',
      clearable.length && !urgent ? h('a.button.primary', { href: `#/p/${id}/clearances`, id: 'to-clearances' }, t('stop.recordClearance')) : null,
      h('a.button', { href: `#/p/${id}/screening` }, t('stop.answerAgain')),
      h('a.button', { href: `#/p/${id}` }, t('stop.backToProfile'))));
  return { title: t('stop.title'), node };
}
