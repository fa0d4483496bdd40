// Clinician clearances (profile/2 "clearances"): a dated note that a clinician assessed the person
// and cleared massage despite a history red flag, CI_ACTIVE_CANCER or CI_DVT. Valid 12 months.
import { t } from '../i18n.js';
import { h, fill, problemBox, showFieldErrors } from '../dom.js';
import { go } from '../app.js';
import * as profile from '../profile.js';
import { dayText, bedNow } from '../dates.js';

export async function render({ id }) {
  const stored = await profile.load(id);
  const doc = stored.profile;
  const answers = doc.answers || {};
  const existing = doc.clearances || [];
  const open = profile.CLEARABLE.filter((c) => answers[c] === true);
  // the bed's day (the server refuses a clearance dated after it), not UTC's
  const today = dayText(bedNow());
  const out = h('div');
  const f = h('form', { novalidate: true });
  open.forEach((code, i) => {
    const c = existing.find((e) => e.id === code) || {};
    const counts = c.date && profile.clearanceCounts(c);
    f.append(h('fieldset.card', { 'data-clearance': code },
      h('legend', h('strong', t(`q.${code}`))),
      c.date ? h('p', { class: counts ? 'badge' : 'badge stop' }, t(counts ? 'clearances.valid' : 'clearances.notValid', { date: c.date })) : null,
      h('label', { for: `clinician-${i}` }, t('clearances.clinician'), h('span.hint', t('clearances.clinicianHint'))),
      h('input', { type: 'text', id: `clinician-${i}`, value: c.clinician || '', 'data-field': `clearances[${i}].clinician` }),
      h('label', { for: `date-${i}` }, t('clearances.date'), h('span.hint', t('clearances.dateHint'))),
      h('input', { type: 'date', id: `date-${i}`, value: c.date || '', max: today, 'data-field': `clearances[${i}].date` }),
      h('label', { for: `note-${i}` }, t('clearances.note')),
      h('input', { type: 'text', id: `note-${i}`, value: c.note || '', 'data-field': `clearances[${i}].note` })));
  });
  const save = h('button.primary', { type: 'submit', id: 'save-clearances' }, t('common.saveContinue'));
  f.append(out, h('div.actions', save, h('a.button', { href: `#/p/${id}` }, t('common.cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const given = [];
    open.forEach((code, i) => {
      const clinician = f.querySelector(`#clinician-${i}`).value.trim();
      const date = f.querySelector(`#date-${i}`).value;
      const note = f.querySelector(`#note-${i}`).value.trim();
      if (clinician || date) given.push(note ? { id: code, clinician, date, note } : { id: code, clinician, date });
    });
    save.disabled = true;
    fill(out, h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      await profile.update(id, (d) => {
        const others = (d.clearances || []).filter((c) => !open.includes(c.id));
        d.clearances = [...given, ...others]; // given first, so a problem's index names its form
      });
      const after = await profile.load(id);
      if (profile.firstUnanswered(after.profile)) go(`/p/${id}/screening?resume=1`);
      else {
        const v = await profile.verdict(after);
        go(v.verdict === 'OK' ? `/p/${id}/conditions` : `/p/${id}/stop`);
      }
    } catch (err) {
      fill(out, problemBox(err));
      showFieldErrors(f, err);
      save.disabled = false;
    }
  });
  const node = h('div', h('h1', t('clearances.title')), h('p', t('clearances.intro')),
    open.length ? f : h('p', t('clearances.none')));
  return { title: t('clearances.title'), node };
}
