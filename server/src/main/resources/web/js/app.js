// The page shell: loads the messages, knows who is signed in, and routes #/hash addresses to views.
// Hash routing keeps the server's job to plain files (no fallback route on the API's 404s).
import { loadMessages, t } from './i18n.js';
import { get, del, setCsrf, hasCsrf, whenSignedOut } from './api.js';
import { h, fill, problemBox, loading } from './dom.js';
import { useBedDay } from './dates.js';
import * as auth from './views/auth.js';
import * as profiles from './views/profiles.js';
import * as screening from './views/screening.js';
import * as clearances from './views/clearances.js';
import * as about from './views/about.js';
import * as painmap from './views/painmap.js';
import * as checkin from './views/checkin.js';
import * as scan from './views/scan.js';
import * as plan from './views/plan.js';
import * as live from './views/live.js';
import * as history from './views/history.js';
import * as programs from './views/programs.js';
// the pain diary and progress (issue 13, "outcomes")
import * as diary from './views/diary.js';
import * as progress from './views/progress.js';
// the course a person follows (issue 13 item 4)
import * as course from './views/course.js';

export const session = { account: null };

const ROUTES = [
  ['/signin', auth.signIn, false],
  ['/signup', auth.signUp, false],
  ['/profiles', profiles.list],
  ['/profiles/new', profiles.create],
  ['/p/:id', profiles.home],
  ['/p/:id/edit', profiles.edit],
  ['/p/:id/screening', screening.render],
  ['/p/:id/stop', screening.stop],
  ['/p/:id/clearances', clearances.render],
  ['/p/:id/conditions', about.conditions],
  ['/p/:id/painmap', painmap.render],
  ['/p/:id/preferences', about.preferences],
  ['/p/:id/checkin', checkin.render],
  ['/p/:id/scan', scan.render],
  ['/p/:id/goal', plan.goal],
  ['/p/:id/plan', plan.preview],
  ['/p/:id/live', live.render],
  ['/p/:id/pain-after', checkin.painAfter],
  ['/p/:id/history', history.list],
  ['/p/:id/history/:sid', history.record],
  ['/programs', programs.render],
  ['/p/:id/diary', diary.render],
  ['/p/:id/progress', progress.render],
  ['/p/:id/course', course.render],
];

let cleanup = null;

function match(path) {
  for (const [pattern, view, needsSignIn = true] of ROUTES) {
    const names = [];
    const re = new RegExp('^' + pattern.replace(/:(\w+)/g, (all, n) => { names.push(n); return '([^/]+)'; }) + '$');
    const m = path.match(re);
    if (m) {
      const params = {};
      names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
      return { view, params, needsSignIn };
    }
  }
  return null;
}

export function go(path) {
  if (location.hash === '#' + path) route();
  else location.hash = path;
}

async function route() {
  const [path, queryText] = (location.hash.slice(1) || '/').split('?');
  const query = new URLSearchParams(queryText || '');
  if (cleanup) { try { cleanup(); } catch (e) { /* the old page is gone anyway */ } cleanup = null; }
  const main = document.getElementById('view');
  const found = match(path);
  if (path === '/' || !found) {
    go(session.account ? '/profiles' : '/signin');
    return;
  }
  if (found.needsSignIn && !session.account) {
    go('/signin');
    return;
  }
  if (!found.needsSignIn && session.account) {
    go('/profiles');
    return;
  }
  main.setAttribute('aria-busy', 'true');
  fill(main, loading());
  renderNav();
  let page;
  try {
    page = await found.view(found.params, query);
  } catch (err) {
    page = { title: t('error.pageTitle'), node: h('div', h('h1', t('error.pageTitle')), problemBox(err),
      h('p', h('a', { href: '#/profiles' }, t('nav.profiles')))) };
  }
  if (!page) return; // the view moved on by itself
  if (location.hash.slice(1).split('?')[0] !== path) return; // the person went elsewhere meanwhile
  cleanup = page.cleanup || null;
  main.className = page.wide ? 'wide' : '';
  fill(main, page.node);
  main.setAttribute('aria-busy', 'false');
  document.title = `${page.title} · Rollwell`;
  const focus = main.querySelector('[autofocus]') || main.querySelector('h1');
  if (focus) {
    if (!focus.hasAttribute('tabindex') && focus.tagName === 'H1') focus.setAttribute('tabindex', '-1');
    focus.focus();
  }
}

function renderNav() {
  const nav = document.getElementById('nav');
  if (!session.account) {
    fill(nav, );
    return;
  }
  fill(nav, 
    h('a', { href: '#/profiles' }, t('nav.profiles')),
    h('a', { href: '#/programs' }, t('nav.programs')),
    h('button', { type: 'button', id: 'sign-out', onclick: signOut }, t('nav.signOut')),
  );
}

export async function signedIn(account, csrf, today) {
  useBedDay(today);
  session.account = account;
  setCsrf(csrf);
}

async function signOut() {
  try { await del('/api/session'); } catch (e) { /* signed out either way */ }
  session.account = null;
  setCsrf(null);
  go('/signin?bye=1');
}

async function boot() {
  await loadMessages();
  document.getElementById('skip-link').textContent = t('nav.skip');
  document.getElementById('brand').setAttribute('aria-label', t('nav.home'));
  document.querySelector('#nav').setAttribute('aria-label', t('nav.label'));
  try {
    const me = await get('/api/me');
    // A second tab has the cookie but not the first tab's token: the server hands it out again.
    if (me.csrfToken) setCsrf(me.csrfToken);
    useBedDay(me.today);
    session.account = hasCsrf() ? me : null;
  } catch (e) {
    session.account = null; // a first visit: no notice, just the sign-in page
  }
  // From now on a 401 means the session ended while the page was open: say so on the sign-in page.
  whenSignedOut(() => {
    session.account = null;
    setCsrf(null);
    go('/signin?expired=1');
  });
  window.addEventListener('hashchange', route);
  await route();
}

boot();
