// The body map of the back: each level C7-S1 on the left, centre and right, pain 0-10 and trigger
// points (profile "painMap" and "triggerPoints"). Every cell shows its number too, never colour alone.
import { t } from '../i18n.js';
import { h, fill, problemBox, showFieldErrors, scale } from '../dom.js';
import { go } from '../app.js';
import * as profile from '../profile.js';

/** Dark enough reds that white text keeps 4.5:1 (WCAG 2.1 AA) at every step. */
function colour(nrs) {
  return nrs > 0 ? `hsl(5, 65%, ${44 - nrs * 1.8}%)` : '';
}

export async function render({ id }) {
  const stored = await profile.load(id);
  const doc = stored.profile;
  const key = (level, side) => `${level}/${side}`;
  const pain = new Map((doc.painMap || []).map((p) => [key(p.level, p.side), p.nrs]));
  const triggers = new Set((doc.triggerPoints || []).map((p) => key(p.level, p.side)));
  const grid = h('div.bodymap', { role: 'group', 'aria-label': t('painmap.gridLabel') });
  const editor = h('div.editor', { hidden: true, id: 'painmap-editor' });
  const cells = new Map();

  function label(level, side) {
    const k = key(level, side);
    const n = pain.get(k) || 0;
    return t(triggers.has(k) ? 'painmap.cellTrigger' : 'painmap.cell', { level, side: t(`side.${side}`), nrs: n });
  }

  function paint(level, side) {
    const k = key(level, side);
    const b = cells.get(k);
    const n = pain.get(k) || 0;
    b.textContent = n > 0 ? String(n) : '';
    b.dataset.nrs = String(n);
    b.style.background = colour(n);
    b.classList.toggle('trigger', triggers.has(k));
    b.setAttribute('aria-label', label(level, side));
  }

  function edit(level, side) {
    const k = key(level, side);
    const trigger = h('input', { type: 'checkbox', id: 'trigger', checked: triggers.has(k), onchange: (e) => {
      if (e.target.checked) triggers.add(k); else triggers.delete(k);
      paint(level, side);
    } });
    editor.hidden = false;
    fill(editor, 
      h('h2', { id: 'editor-title', tabindex: '-1' }, t('painmap.editTitle', { level, side: t(`side.${side}`) })),
      ...scale('nrs', 'painmap.howMuch', pain.get(k) || 0, (n) => { if (n > 0) pain.set(k, n); else pain.delete(k); paint(level, side); }),
      h('div.checks', h('label', trigger, t('painmap.trigger'))),
      h('div.actions', h('button', { type: 'button', id: 'editor-done', onclick: () => { editor.hidden = true; cells.get(k).focus(); } }, t('common.done'))));
    editor.querySelector('#editor-title').focus();
  }

  grid.append(h('span'), ...profile.SIDES.map((s) => h('span.head', { 'aria-hidden': 'true' }, t(`side.${s}`))));
  for (const level of profile.LEVELS) {
    grid.append(h('span.lvl', { 'aria-hidden': 'true' }, level));
    for (const side of profile.SIDES) {
      const b = h('button', { type: 'button', 'data-level': level, 'data-side': side, onclick: () => edit(level, side) });
      cells.set(key(level, side), b);
      grid.append(b);
      paint(level, side);
    }
  }

  const out = h('div');
  const save = h('button.primary', { type: 'submit', id: 'save-painmap' }, t('common.saveContinue'));
  const f = h('form', { novalidate: true }, h('div.card', grid), editor, out,
    h('div.actions', save, h('a.button', { href: `#/p/${id}` }, t('common.cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    save.disabled = true;
    fill(out, h('p.loading', { role: 'status' }, t('common.saving')));
    try {
      await profile.update(id, (d) => {
        d.painMap = [...pain].map(([k, nrs]) => { const [level, side] = k.split('/'); return { level, side, nrs }; });
        d.triggerPoints = [...triggers].map((k) => { const [level, side] = k.split('/'); return { level, side }; });
      });
      go(`/p/${id}/preferences`);
    } catch (err) {
      fill(out, problemBox(err));
      showFieldErrors(f, err);
      save.disabled = false;
    }
  });
  const node = h('div', h('h1', t('painmap.title')), h('p', t('painmap.intro')), h('p.hint', t('painmap.sides')), f);
  return { title: t('painmap.title'), node };
}
