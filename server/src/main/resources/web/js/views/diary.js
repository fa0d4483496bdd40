// The pain diary (docs/diary-format.md, rollwell.diary/1): the day's pain 0-10, the weekly PEG's three
// items and the PGIC when it is due (docs/courses.md: 2, 4 and 6 weeks after the first session, for a
// week from that day, up to 3 days early counts). Each entry goes to POST /api/profiles/ID/pain, which
// checks it with the same parser as `rollwell progress`; a refusal is shown on the field it names.
import { t } from '../i18n.js';
import { get, post } from '../api.js';
import { h, fill, problemBox, scale, showFieldErrors } from '../dom.js';
import { go } from '../app.js';
import * as profile from '../profile.js';
import { dayText, bedNow } from '../dates.js';

/** PGIC weeks after the first session and how early and late it counts (docs/courses.md). */
const PGIC_WEEKS = [2, 4, 6];
const PGIC_EARLY_DAYS = 3;
const PGIC_OPEN_DAYS = 7;
/** PEG: one a week (Krebs et al. 2009 ask about the past week). */
const PEG_EVERY_DAYS = 7;

export function isoDay(d = bedNow()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDays(iso, days) {
  const d = new Date(iso + 'T12:00:00');
  d.setDate(d.getDate() + days);
  return isoDay(d);
}

/** What is due on `today`: the day's NRS, the week's PEG, a PGIC (with its week), from the diary's entries. */
export function due(diary, today) {
  const entries = diary.entries || [];
  const has = (kind, from, to) => entries.some((e) => e.kind === kind && e.date >= from && e.date <= to);
  const out = [];
  if (!has('NRS_DAILY', today, today)) out.push({ key: 'diary.due.nrs' });
  if (!has('PEG', addDays(today, -(PEG_EVERY_DAYS - 1)), today)) out.push({ key: 'diary.due.peg' });
  const pgic = pgicDue(diary, today);
  if (pgic) out.push({ key: 'diary.due.pgic', weeks: pgic });
  return out;
}

/** The PGIC week due today (2, 4 or 6), or null. */
export function pgicDue(diary, today) {
  if (!diary.firstSessionDate) return null;
  for (const w of PGIC_WEEKS) {
    const day = addDays(diary.firstSessionDate, 7 * w);
    const from = addDays(day, -PGIC_EARLY_DAYS);
    const until = addDays(day, PGIC_OPEN_DAYS - 1);
    const answered = (diary.entries || []).some((e) => e.kind === 'PGIC' && e.date >= from && e.date <= until);
    if (today >= from && today <= until && !answered) return w;
  }
  return null;
}

function numberField(id, field, labelKey) {
  return [h('label', { for: id }, t(labelKey)),
    h('input', { id, type: 'number', inputmode: 'numeric', min: 0, max: 10, step: 1, 'data-field': field, required: true })];
}

export async function render({ id }, query) {
  const stored = await profile.load(id);
  const diary = await get(`/api/profiles/${encodeURIComponent(id)}/pain`);
  const today = isoDay();
  const page = h('div');
  let nrs = null;
  let pgic = null;
  const dateInput = h('input', { id: 'diary-date', type: 'date', value: today, max: today, 'data-field': 'date', required: true });

  /** Posts one entry; a refusal is shown above the form's button and on the field it names. */
  async function save(button, out, entry, then) {
    button.disabled = true;
    fill(out, h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      await post(`/api/profiles/${encodeURIComponent(id)}/pain`, { date: dateInput.value || today, ...entry });
      then();
    } catch (err) {
      fill(out, problemBox(err));
      showFieldErrors(page, err);
      button.disabled = false;
    }
  }
  const reload = (what) => () => go(`/p/${id}/diary?saved=${what}&n=${Date.now()}`);

  const saveNrs = h('button.primary', { type: 'submit', id: 'save-nrs' }, t('diary.nrs.save'));
  const nrsOut = h('div');
  const nrsForm = h('form.card', { novalidate: true, id: 'nrs-form' },
    h('h2', t('diary.nrs.title')),
    scale('daily-nrs', 'diary.nrs.question', null, (n) => { nrs = n; }),
    nrsOut, h('div.actions', saveNrs));
  nrsForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (nrs === null) {
      fill(nrsOut, h('div.problem', { role: 'alert' }, h('p', t('diary.nrs.missing'))));
      nrsForm.querySelector('input[name=daily-nrs]').focus();
      return;
    }
    save(saveNrs, nrsOut, { kind: 'NRS_DAILY', nrs }, reload('nrs'));
  });

  const savePeg = h('button.primary', { type: 'submit', id: 'save-peg' }, t('diary.peg.save'));
  const pegOut = h('div');
  const pegForm = h('form.card', { novalidate: true, id: 'peg-form' },
    h('h2', t('diary.peg.title')), h('p.hint', t('diary.peg.intro')),
    numberField('peg-pain', 'pain', 'diary.peg.pain'),
    numberField('peg-enjoyment', 'enjoyment', 'diary.peg.enjoyment'),
    numberField('peg-activity', 'activity', 'diary.peg.activity'),
    pegOut, h('div.actions', savePeg));
  pegForm.addEventListener('submit', (e) => {
    e.preventDefault();
    // an empty box is sent as missing, so the server names it; a number is sent as typed (11 is refused there)
    const item = (el) => (el.value.trim() === '' ? undefined : Number(el.value));
    save(savePeg, pegOut, { kind: 'PEG', pain: item(pegForm.querySelector('#peg-pain')),
      enjoyment: item(pegForm.querySelector('#peg-enjoyment')), activity: item(pegForm.querySelector('#peg-activity')) },
    reload('peg'));
  });

  const pgicWeek = pgicDue(diary, today);
  let pgicForm = null;
  if (pgicWeek) {
    const savePgic = h('button.primary', { type: 'submit', id: 'save-pgic' }, t('diary.pgic.save'));
    const pgicOut = h('div');
    const choices = h('fieldset.checks', { id: 'pgic' }, h('legend', t('diary.pgic.question')),
      [1, 2, 3, 4, 5, 6, 7].map((n) => h('label', h('input', { type: 'radio', name: 'pgic', value: String(n),
        onchange: () => { pgic = n; } }), `${n} · ${t(`diary.pgic.${n}`)}`)));
    pgicForm = h('form.card', { novalidate: true, id: 'pgic-form' },
      h('h2', t('diary.pgic.title', { weeks: pgicWeek })), choices, pgicOut, h('div.actions', savePgic));
    pgicForm.addEventListener('submit', (e) => {
      e.preventDefault();
      if (pgic === null) {
        fill(pgicOut, h('div.problem', { role: 'alert' }, h('p', t('diary.pgic.missing'))));
        pgicForm.querySelector('input[name=pgic]').focus();
        return;
      }
      save(savePgic, pgicOut, { kind: 'PGIC', pgic }, reload('pgic'));
    });
  }

  const dueNow = due(diary, today);
  const recent = (diary.entries || []).slice(-10).reverse();
  fill(page,
    h('h1', t('diary.title', { name: stored.name })),
    query.get('saved') ? h('p.notice', { role: 'status', id: 'diary-saved' }, t(`diary.saved.${query.get('saved')}`)) : null,
    h('div.card', { id: 'diary-due' }, h('h2', t('diary.due.title')),
      dueNow.length ? h('ul', dueNow.map((d) => h('li', t(d.key, { weeks: d.weeks })))) : h('p', t('diary.due.nothing'))),
    h('div.card', h('label', { for: 'diary-date' }, t('diary.date'), h('span.hint', t('diary.dateHint'))), dateInput),
    nrsForm, pegForm, pgicForm,
    h('div.card', h('h2', t('diary.recent')), recent.length === 0 ? h('p', t('diary.none')) : h('table.stack', { id: 'diary-recent' },
      h('caption.muted', t('diary.recentCaption')),
      h('thead', h('tr', h('th', { scope: 'col' }, t('diary.col.date')), h('th', { scope: 'col' }, t('diary.col.what')),
        h('th', { scope: 'col' }, t('diary.col.value')))),
      h('tbody', recent.map((e) => h('tr', h('td', dayText(e.date)), h('td', t(`diary.kind.${e.kind}`)), h('td', entryValue(e))))))),
    h('div.actions', h('a.button.primary', { href: `#/p/${id}/progress`, id: 'to-progress' }, t('diary.toProgress')),
      h('a.button', { href: `#/p/${id}` }, t('stop.backToProfile'))));
  return { title: t('diary.title', { name: stored.name }), node: page };
}

function entryValue(e) {
  switch (e.kind) {
    case 'PEG': return t('diary.value.peg', { pain: e.pain, enjoyment: e.enjoyment, activity: e.activity,
      score: ((e.pain + e.enjoyment + e.activity) / 3).toFixed(1) });
    case 'PGIC': return `${e.pgic} · ${t(`diary.pgic.${e.pgic}`)}`;
    case 'FEEDBACK': return `${t(`after.pressure.${e.pressure}`)} · ${t(`after.heat.${e.heat}`)}`;
    default: return t('diary.value.nrs', { nrs: e.nrs });
  }
}
