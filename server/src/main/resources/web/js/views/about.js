// What the person has been told they have (conditions, when the pain began) and their comfort
// limits (preferences). Both only ever make a session gentler (docs/profile-format.md).
import { t } from '../i18n.js';
import { h, fill, problemBox, showFieldErrors, scale } from '../dom.js';
import { go } from '../app.js';
import * as profile from '../profile.js';
import { dayText, bedNow } from '../dates.js';

function saving(f, out, save, id, change, nextPath) {
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    save.disabled = true;
    fill(out, h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      await profile.update(id, change);
      go(nextPath);
    } catch (err) {
      fill(out, problemBox(err));
      showFieldErrors(f, err);
      save.disabled = false;
    }
  });
}

export async function conditions({ id }) {
  const stored = await profile.load(id);
  const doc = stored.profile;
  const had = new Set(doc.conditions || []);
  const out = h('div');
  const save = h('button.primary', { type: 'submit', id: 'save-conditions' }, t('common.saveContinue'));
  const f = h('form', { novalidate: true },
    h('fieldset.card.checks', h('legend', h('strong', t('conditions.legend'))),
      profile.CONDITIONS.map((c) => h('label', h('input', { type: 'checkbox', name: 'condition', value: c, checked: had.has(c), id: `condition-${c}` }),
        h('span', h('strong', t(`condition.${c}`)), h('span.hint', t(`condition.${c}.hint`)))))),
    h('div.card',
      h('label', { for: 'pain-onset' }, t('conditions.onset'), h('span.hint', t('conditions.onsetHint'))),
      h('input', { type: 'date', id: 'pain-onset', value: doc.painOnset || '', max: dayText(bedNow()), 'data-field': 'painOnset' })),
    out, h('div.actions', save, h('a.button', { href: `#/p/${id}` }, t('common.cancel'))));
  saving(f, out, save, id, (d) => {
    d.conditions = [...f.querySelectorAll('input[name=condition]:checked')].map((i) => i.value);
    const onset = f.querySelector('#pain-onset').value;
    if (onset) d.painOnset = onset; else delete d.painOnset;
  }, `/p/${id}/painmap`);
  return { title: t('conditions.title'), node: h('div', h('h1', t('conditions.title')), h('p', t('conditions.intro')), f) };
}

export async function preferences({ id }) {
  const stored = await profile.load(id);
  const prefs = { intensity: 3, maxRollerTempC: 45, heat: true, ...(stored.profile.preferences || {}) };
  const out = h('div');
  const save = h('button.primary', { type: 'submit', id: 'save-preferences' }, t('common.saveContinue'));
  const f = h('form', { novalidate: true },
    h('div.card', scale('intensity', 'preferences.intensity', prefs.intensity, (n) => { prefs.intensity = n; }, 1, 10),
      h('p.hint', t('preferences.intensityHint'))),
    h('div.card',
      h('label', { for: 'max-temp' }, t('preferences.maxTemp'), h('span.hint', t('preferences.maxTempHint'))),
      h('input', { type: 'number', id: 'max-temp', min: 30, max: 65, step: 1, inputmode: 'numeric', value: prefs.maxRollerTempC, 'data-field': 'preferences.maxRollerTempC' }),
      h('div.checks', h('label', h('input', { type: 'checkbox', id: 'heat', checked: prefs.heat !== false }), t('preferences.heat')))),
    out, h('div.actions', save, h('a.button', { href: `#/p/${id}` }, t('common.cancel'))));
  saving(f, out, save, id, (d) => {
    const temp = f.querySelector('#max-temp').value;
    d.preferences = { intensity: prefs.intensity, maxRollerTempC: temp === '' ? null : Number(temp), heat: f.querySelector('#heat').checked };
  }, `/p/${id}/checkin`);
  return { title: t('preferences.title'), node: h('div', h('h1', t('preferences.title')), h('p', t('preferences.intro')), f) };
}
