// The program library: the built-in and imported programs, import of a program file
// (docs/program-format.md) with every validation problem shown by its field, and delete.
import { t } from '../i18n.js';
import { get, post, del } from '../api.js';
import { h, fill, problemBox, labelCells } from '../dom.js';
import { go } from '../app.js';

export async function render() {
  const programs = await get('/api/programs');
  const out = h('div', { id: 'import-result' });
  const text = h('textarea', { id: 'program-text', spellcheck: 'false', 'aria-describedby': 'program-text-hint' });
  const file = h('input', { type: 'file', id: 'program-file', accept: '.json,application/json', onchange: async () => {
    if (file.files[0]) text.value = await file.files[0].text();
  } });
  const button = h('button.primary', { type: 'submit', id: 'import-program' }, t('programs.import'));
  const f = h('form.card', { novalidate: true },
    h('h2', t('programs.importTitle')),
    h('label', { for: 'program-file' }, t('programs.file')), file,
    h('label', { for: 'program-text' }, t('programs.paste'), h('span.hint', { id: 'program-text-hint' }, t('programs.pasteHint'))), text,
    out, h('div.actions', button));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    let body;
    try {
      body = JSON.parse(text.value);
    } catch (err) {
      fill(out, h('div.problem', { role: 'alert' }, h('p', t('programs.notJson', { reason: err.message }))));
      text.focus();
      return;
    }
    button.disabled = true;
    fill(out, h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      await post('/api/programs', body);
      go('/programs?imported=1');
    } catch (err) {
      const p = err.problem || {};
      const list = Array.isArray(p.errors) && p.errors.length ? p.errors : p.field ? [{ field: p.field, reason: p.detail }] : [];
      const short = list.length ? t('programs.refused', { n: list.length }) : null;
      fill(out, problemBox(err, { listFields: false, detail: short }), list.length ? h('div.card', h('h3', t('programs.fieldErrors')),
        labelCells(h('table.stack', { id: 'program-errors' }, h('thead', h('tr', h('th', { scope: 'col' }, t('programs.field')), h('th', { scope: 'col' }, t('programs.reason')))),
          h('tbody', list.map((x) => h('tr', h('td', h('code', x.field)), h('td', x.reason))))))) : null);
      button.disabled = false;
    }
  });
  const node = h('div',
    h('h1', t('programs.title')),
    new URLSearchParams(location.hash.split('?')[1] || '').get('imported') ? h('p.notice', { role: 'status' }, t('programs.imported')) : null,
    h('ul.menu', { id: 'program-list' }, programs.map((p) => h('li', h('div.card',
      h('h2', p.title || p.name || p.id), h('p.muted', [p.minutes ? t('goal.programMinutes', { minutes: p.minutes }) : null,
        (p.goals || []).map((g) => t(`goal.${g}`)).join(', ')].filter(Boolean).join(' · ')),
      p.source === 'OWN' ? h('button', { type: 'button', onclick: async (e) => {
        try { await del(`/api/programs/${encodeURIComponent(p.id || p.name)}`); go('/programs'); } catch (err) { e.target.after(problemBox(err)); }
      } }, t('programs.delete')) : null)))),
    f);
  return { title: t('programs.title'), node };
}
