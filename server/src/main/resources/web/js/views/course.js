// The course a person follows (docs/courses.md): the studied one (40 min, Monday to Friday, 4 weeks)
// chosen with one button, or one's own within the daily limits; then where they are in it, what is
// due today and, once it has ended, the verdict of the progress page with the sessions delivered
// against those planned. Every figure comes from GET /api/profiles/ID/course, which holds the rules
// (therapy.course); a course outside the limits is refused there, field by field, and shown here.
import { t } from '../i18n.js';
import { get, put, del } from '../api.js';
import { h, fill, problemBox, showFieldErrors, field } from '../dom.js';
import { go } from '../app.js';
import { reason } from './progress.js';
import { isoDay } from './diary.js';
import * as profile from '../profile.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
/** The diary page answers every diary checkpoint; a session starts from the check-in. */
const DUE_LINK = { SESSION: 'checkin', NRS_DAILY: 'diary', PEG: 'diary', PGIC: 'diary' };

export async function render({ id }) {
  const stored = await profile.load(id);
  const path = `/api/profiles/${encodeURIComponent(id)}/course`;
  const status = await get(path);
  const title = t('course.title', { name: stored.name });
  const page = h('div', h('h1', title));
  if (status.chosen) {
    page.append(...statusCards(id, status, path));
  } else {
    page.append(...chooseCards(id, path));
  }
  page.append(h('div.actions',
    h('a.button', { href: `#/p/${id}/progress`, id: 'course-to-progress' }, t('home.progress')),
    h('a.button', { href: `#/p/${id}/diary` }, t('home.diary')),
    h('a.button', { href: `#/p/${id}` }, t('stop.backToProfile'))));
  return { title, node: page };
}

function chooseCards(id, path) {
  const reload = () => go(`/p/${id}/course?n=${Date.now()}`);
  const studiedOut = h('div');
  const studiedButton = h('button.primary', { type: 'button', id: 'choose-studied' }, t('course.chooseStudied'));
  studiedButton.addEventListener('click', async () => {
    studiedButton.disabled = true;
    try {
      await put(path, { studied: true });
      reload();
    } catch (err) {
      fill(studiedOut, problemBox(err));
      studiedButton.disabled = false;
    }
  });
  const studied = h('div.card', { id: 'course-studied' }, h('h2', t('course.studiedTitle')),
    h('p', t('course.studiedText')), studiedOut, h('div.actions', studiedButton));

  const today = isoDay();
  const days = h('fieldset.checks', { id: 'own-days', 'data-field': 'days', tabindex: '-1' },
    h('legend', t('course.own.days')),
    DAYS.map((d) => h('label', h('input', { type: 'checkbox', name: 'own-day', value: d }), t(`course.day.${d}`))));
  const ownOut = h('div');
  const saveOwn = h('button', { type: 'submit', id: 'save-own' }, t('course.own.save'));
  const form = h('form.card', { novalidate: true, id: 'course-own' }, h('h2', t('course.own.title')),
    h('p.hint', t('course.own.intro')),
    field('own-name', 'course.own.name', { type: 'text', maxlength: 80, 'data-field': 'name', value: '' }),
    field('own-minutes', 'course.own.minutes', { type: 'number', inputmode: 'numeric', min: 10, max: 60, step: 1,
      'data-field': 'minutesPerSession', value: '30' }, 'course.own.minutesHint'),
    field('own-per-day', 'course.own.perDay', { type: 'number', inputmode: 'numeric', min: 1, max: 2, step: 1,
      'data-field': 'sessionsPerDay', value: '1' }, 'course.own.perDayHint'),
    days,
    field('own-weeks', 'course.own.weeks', { type: 'number', inputmode: 'numeric', min: 1, max: 26, step: 1,
      'data-field': 'weeks', value: '4' }, 'course.own.weeksHint'),
    field('own-start', 'course.own.start', { type: 'date', 'data-field': 'start', value: today }),
    ownOut, h('div.actions', saveOwn));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (sel) => form.querySelector(sel).value.trim();
    // an empty box is sent as missing and a number as typed, so the server names what is wrong
    const whole = (sel) => (value(sel) === '' ? undefined : Number(value(sel)));
    const body = {
      studied: false,
      name: value('#own-name') || undefined,
      minutesPerSession: whole('#own-minutes'),
      sessionsPerDay: whole('#own-per-day'),
      days: [...form.querySelectorAll('input[name=own-day]:checked')].map((c) => c.value),
      weeks: whole('#own-weeks'),
      start: value('#own-start') || undefined,
    };
    saveOwn.disabled = true;
    fill(ownOut, h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      await put(path, body);
      reload();
    } catch (err) {
      fill(ownOut, problemBox(err));
      showFieldErrors(form, err);
      saveOwn.disabled = false;
    }
  });
  return [h('p', t('course.intro')), studied, form];
}

function where(s) {
  switch (s.phase) {
    case 'NOT_STARTED': return t('course.where.notStarted', { start: s.start });
    case 'FINISHED': return t('course.where.finished', { end: s.end, weeks: s.weeks });
    default: return t('course.where.running', { week: s.week, weeks: s.weeks, day: s.day, days: s.lengthDays });
  }
}

function statusCards(id, s, path) {
  const c = s.course;
  const dayNames = c.days.map((d) => t(`course.day.${d}`)).join(', ');
  const leaveOut = h('div');
  const leave = h('button', { type: 'button', id: 'leave-course' }, t('course.leave'));
  leave.addEventListener('click', async () => {
    leave.disabled = true;
    try {
      await del(path);
      go(`/p/${id}/course?n=${Date.now()}`);
    } catch (err) {
      fill(leaveOut, problemBox(err));
      leave.disabled = false;
    }
  });
  const sessions = s.sessions;
  const cards = [
    h('div.card', { id: 'course-where' },
      h('h2', s.studied ? t('course.studiedTitle') : c.name),
      h('p', t('course.figures', { minutes: c.minutesPerSession, perDay: c.sessionsPerDay, days: dayNames, weeks: c.weeks })),
      h('p', h('strong', { id: 'course-week' }, where(s))),
      h('p', { id: 'course-sessions' }, t(s.phase === 'FINISHED' ? 'course.sessionsEnded' : 'course.sessions', {
        delivered: sessions.deliveredSoFar, planned: sessions.plannedSoFar, total: sessions.plannedTotal }))),
  ];
  if (s.phase !== 'FINISHED') {
    cards.push(h('div.card', { id: 'course-due' }, h('h2', t('course.due.title')),
      s.due.length ? h('ul', s.due.map((d) => h('li', { 'data-kind': d.kind },
        h('a', { href: `#/p/${id}/${DUE_LINK[d.kind]}` }, t(`course.due.${d.kind}`, { minutes: c.minutesPerSession })))))
        : h('p', t(s.phase === 'NOT_STARTED' ? 'course.due.notYet' : 'course.due.nothing'))));
  }
  if (s.progress) {
    const p = s.progress;
    const badge = p.verdict === 'LIKELY_BETTER' ? '' : p.verdict === 'LIKELY_WORSE' ? '.stop' : '.todo';
    cards.push(h('div.card', { id: 'course-verdict' }, h('h2', t('course.verdictTitle')),
      h('p', h(`span.badge${badge}`, { id: 'course-verdict-badge' }, t(`progress.verdict.${p.verdict}`))),
      h('p', reason(p)),
      h('p', { id: 'course-delivered' }, t('course.delivered', { delivered: sessions.deliveredSoFar, planned: sessions.plannedTotal })),
      s.reviewSuggested || p.verdict === 'LIKELY_WORSE' ? h('p.notice', { role: 'status' }, t('progress.reviewAdvice')) : null,
      s.due.length ? h('ul', s.due.map((d) => h('li', { 'data-kind': d.kind },
        h('a', { href: `#/p/${id}/${DUE_LINK[d.kind]}` }, t(`course.due.${d.kind}`, { minutes: c.minutesPerSession })))))
        : null));
  }
  cards.push(h('div.card', h('p.hint', t('course.leaveHint')), leaveOut, h('div.actions', leave)));
  return cards;
}
