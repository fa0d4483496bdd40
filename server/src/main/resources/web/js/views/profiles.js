// The household's profiles: list, create (height, weight, birth year), the profile's own page with
// every step of its set-up, edit and delete.
import { t } from '../i18n.js';
import { get, post, put, del } from '../api.js';
import { h, fill, problemBox, field, showFieldErrors } from '../dom.js';
import { go } from '../app.js';
import * as profile from '../profile.js';

export async function list() {
  const all = await get('/api/profiles');
  const node = h('div',
    h('h1', t('profiles.title')),
    all.length === 0 ? h('p', t('profiles.none')) : h('ul.menu', { id: 'profile-list' },
      all.map((p) => h('li', h('a', { href: `#/p/${p.id}` }, h('span', p.name), h('span.muted', t('profiles.open')))))),
    h('div.actions', h('a.button.primary', { href: '#/profiles/new', id: 'new-profile' }, t('profiles.add'))));
  return { title: t('profiles.title'), node };
}

function bodyForm(stored, onSaved) {
  const doc = stored ? stored.profile : {};
  const out = h('div');
  const save = h('button.primary', { type: 'submit' }, t(stored ? 'common.save' : 'profiles.createButton'));
  const f = h('form.card', { novalidate: true },
    field('name', 'profiles.name', { type: 'text', autocomplete: 'given-name', value: stored ? stored.name : '', 'data-field': 'name', required: true },
      'profiles.nameHint'),
    field('heightCm', 'profiles.height', { type: 'number', inputmode: 'numeric', min: 100, max: 250, value: doc.heightCm ?? '', 'data-field': 'heightCm', required: true },
      'profiles.heightHint'),
    field('weightKg', 'profiles.weight', { type: 'number', inputmode: 'numeric', min: 20, max: 300, value: doc.weightKg ?? '', 'data-field': 'weightKg', required: true },
      'profiles.weightHint'),
    field('birthYear', 'profiles.birthYear', { type: 'number', inputmode: 'numeric', min: 1900, max: 2100, value: doc.birthYear ?? '', 'data-field': 'birthYear', required: true },
      'profiles.birthYearHint'),
    out, h('div.actions', save));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const number = (v) => (v.trim() === '' ? null : Number(v));
    const next = { ...doc, format: profile.FORMAT, heightCm: number(f.heightCm.value), weightKg: number(f.weightKg.value),
      birthYear: number(f.birthYear.value), answers: doc.answers || {} };
    for (const k of ['heightCm', 'weightKg', 'birthYear']) if (next[k] === null) delete next[k];
    save.disabled = true;
    fill(out, h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      const body = { name: f.name.value.trim(), profile: next };
      const saved = stored ? await put(`/api/profiles/${stored.id}`, body) : await post('/api/profiles', body);
      onSaved(saved);
    } catch (err) {
      fill(out, problemBox(err));
      showFieldErrors(f, err);
      save.disabled = false;
    }
  });
  return f;
}

export async function create() {
  const node = h('div', h('h1', t('profiles.newTitle')), h('p', t('profiles.newIntro')),
    bodyForm(null, (saved) => go(`/p/${saved.id}/screening`)));
  return { title: t('profiles.newTitle'), node };
}

export async function edit({ id }) {
  const stored = await profile.load(id);
  const node = h('div', h('h1', t('profiles.editTitle', { name: stored.name })),
    bodyForm(stored, () => go(`/p/${id}`)),
    h('h2', t('profiles.deleteTitle')),
    h('p', t('profiles.deleteIntro')),
    h('button.danger', { type: 'button', id: 'delete-profile', onclick: async (e) => {
      if (!confirm(t('profiles.deleteConfirm', { name: stored.name }))) return;
      e.target.disabled = true;
      try {
        await del(`/api/profiles/${id}`);
        go('/profiles');
      } catch (err) {
        e.target.after(problemBox(err));
        e.target.disabled = false;
      }
    } }, t('profiles.delete')));
  return { title: t('profiles.editTitle', { name: stored.name }), node };
}

export async function home({ id }) {
  const stored = await profile.load(id);
  const doc = stored.profile;
  const v = await profile.verdict(stored);
  const screeningDone = profile.firstUnanswered(doc) === null;
  const blocked = v.verdict !== 'OK'; // a red flag blocks even before the last question
  const needsClearance = profile.CLEARABLE.some((c) => doc.answers && doc.answers[c] === true);
  const badge = (done, stop) => h(`span.badge${stop ? '.stop' : done ? '' : '.todo'}`,
    t(stop ? 'home.blocked' : done ? 'home.done' : 'home.todo'));
  const item = (href, key, status, id_) => h('li', h('a', { href: `#/p/${id}/${href}`, id: id_ }, h('span', t(key)), status));
  const node = h('div',
    h('h1', stored.name),
    h('p.muted', t('home.summary', { height: doc.heightCm, weight: doc.weightKg, year: doc.birthYear })),
    blocked ? h('div.problem', { role: 'alert' }, h('p', t('home.blockedNote')),
      h('p', h('a', { href: `#/p/${id}/stop` }, t('home.why')))) : null,
    h('h2', t('home.setUp')),
    h('ul.menu',
      item('screening', 'home.screening', badge(screeningDone, blocked), 'go-screening'),
      needsClearance ? item('clearances', 'home.clearances', null, 'go-clearances') : null,
      item('conditions', 'home.conditions', null, 'go-conditions'),
      item('painmap', 'home.painmap', badge((doc.painMap || []).length > 0), 'go-painmap'),
      item('preferences', 'home.preferences', null, 'go-preferences')),
    h('h2', t('home.sessions')),
    h('ul.menu',
      item('checkin', 'home.start', null, 'go-checkin'),
      item('history', 'home.history', null, 'go-history'),
      item('diary', 'home.diary', null, 'go-diary'),
      item('progress', 'home.progress', null, 'go-progress'),
      item('course', 'home.course', null, 'go-course'),
      item('edit', 'home.edit', null, 'go-edit')));
  return { title: stored.name, node };
}
