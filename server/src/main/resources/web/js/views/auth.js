// Sign-up and sign-in: one household account, a login and a password (docs/api.md).
import { t } from '../i18n.js';
import { post } from '../api.js';
import { h, fill, problemBox, field, showFieldErrors } from '../dom.js';
import { go, signedIn } from '../app.js';

function form(kind, query) {
  const isUp = kind === 'up';
  const out = h('div.problem-slot');
  const button = h('button.primary', { type: 'submit' }, t(isUp ? 'auth.signUp' : 'auth.signIn'));
  const f = h('form.card', { novalidate: true },
    field('login', 'auth.login', { type: 'text', autocomplete: 'username', required: true, 'data-field': 'login',
      autocapitalize: 'none', spellcheck: 'false' }),
    field('password', 'auth.password', { type: 'password', autocomplete: isUp ? 'new-password' : 'current-password',
      required: true, 'data-field': 'password' }, isUp ? 'auth.passwordHint' : undefined),
    out,
    h('div.actions', button));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { login: f.login.value.trim(), password: f.password.value };
    button.disabled = true;
    button.textContent = t(isUp ? 'auth.signingUp' : 'auth.signingIn');
    fill(out, );
    try {
      if (isUp) await post('/api/accounts', body);
      const answer = await post('/api/session', body);
      await signedIn({ id: answer.id, login: answer.login || body.login }, answer.csrfToken, answer.today);
      go(isUp ? '/profiles/new' : '/profiles');
    } catch (err) {
      fill(out, problemBox(err));
      showFieldErrors(f, err);
      button.disabled = false;
      button.textContent = t(isUp ? 'auth.signUp' : 'auth.signIn');
    }
  });
  const notes = [];
  if (query.get('bye')) notes.push(h('p.notice', { role: 'status' }, t('auth.signedOut')));
  if (query.get('expired')) notes.push(h('p.notice', { role: 'status' }, t('auth.expired')));
  return h('div',
    h('h1', t(isUp ? 'auth.signUpTitle' : 'auth.signInTitle')),
    h('p', t('auth.intro')),
    notes, f,
    h('p', isUp ? h('a', { href: '#/signin' }, t('auth.haveAccount')) : h('a', { href: '#/signup', id: 'to-sign-up' }, t('auth.noAccount'))));
}

export async function signIn(params, query) {
  return { title: t('auth.signInTitle'), node: form('in', query) };
}

export async function signUp(params, query) {
  return { title: t('auth.signUpTitle'), node: form('up', query) };
}
