// A few lines to build elements without innerHTML, so text from the server is never parsed as HTML.
import { t } from './i18n.js';

/** h('button.primary', {onclick}, 'text', child…): tag with optional .classes, attributes, children. */
export function h(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag);
  if (classes.length) el.className = classes.join(' ');
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/**
 * What went wrong and what to do: the problem's own detail, then a hint for its status. A page that
 * shows the fields itself (a table of them) passes listFields false and a short detail of its own,
 * so they are not said twice (the server's detail repeats every field).
 */
export function problemBox(err, { listFields = true, detail = null } = {}) {
  const p = (err && err.problem) || {};
  const box = h('div.problem', { role: 'alert' });
  box.append(h('p', h('strong', t('error.title')), ' ', detail || p.detail || err.message || t('error.unknown')));
  if (listFields && Array.isArray(p.errors) && p.errors.length > 1) {
    box.append(h('ul', p.errors.map((e) => h('li', `${e.field}: ${e.reason}`))));
  }
  const hint = hintFor(err);
  if (hint) box.append(h('p', hint));
  return box;
}

function hintFor(err) {
  if (!err || err.status === undefined) return t('error.hint.retry');
  if (err.routeMissing) return t('error.hint.notOnThisBed');
  switch (err.status) {
    case 0: return t('error.hint.network');
    case 400: return t('error.hint.fix');
    case 401: return t('error.hint.signIn');
    case 403: return t('error.hint.forbidden');
    case 404: return t('error.hint.notFound');
    case 409: return t('error.hint.conflict');
    case 429: return t('error.hint.wait');
    default: return err.status >= 500 ? t('error.hint.server') : t('error.hint.retry');
  }
}

/** A spinner with text while something loads; role=status so a screen reader says it. */
export function loading(text) {
  return h('p.loading', { role: 'status' }, h('span.spinner', { 'aria-hidden': 'true' }), text || t('loading'));
}

/** Marks the input named by a problem's field as invalid and puts the reason under it. */
export function showFieldErrors(form, err) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const p = (err && err.problem) || {};
  const list = Array.isArray(p.errors) && p.errors.length ? p.errors : [{ field: p.field, reason: p.detail }];
  let first = null;
  for (const e of list) {
    if (!e.field) continue;
    const name = e.field.replace(/^\$\./, '').replace(/^profile\./, '');
    const input = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!input) continue;
    const id = `${input.id}-error`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.insertAdjacentElement('afterend', h('p.field-error', { id }, e.reason || p.detail));
    first = first || input;
  }
  if (first) first.focus();
}

/** A labelled input with an optional hint. */
export function field(id, labelKey, attrs = {}, hintKey) {
  const hintId = hintKey ? `${id}-hint` : undefined;
  return [
    h('label', { for: id }, t(labelKey), hintKey ? h('span.hint', { id: hintId }, t(hintKey)) : null),
    h('input', { id, name: id, 'aria-describedby': hintId, ...attrs }),
  ];
}

/** A 0-10 scale of radio buttons big enough for a thumb. */
export function scale(name, legendKey, value, onchange, min = 0, max = 10) {
  const set = h('fieldset.scale', h('legend', t(legendKey)));
  for (let n = min; n <= max; n++) {
    const input = h('input', { type: 'radio', name, value: String(n), checked: value === n, onchange: () => onchange(n) });
    set.append(h('label', { title: String(n) }, input, h('span', String(n))));
  }
  return [set, h('p.scale-ends', { 'aria-hidden': 'true' }, h('span', t('scale.none')), h('span', t('scale.worst')))];
}

/**
 * Gives each body cell of a table its column's heading as data-label, which a stacked table on a
 * phone shows before the value (css "table.stack"): without it the numbers would stand unnamed.
 */
export function labelCells(table) {
  const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
  table.querySelectorAll('tbody tr').forEach((tr) => [...tr.children].forEach((td, i) => {
    if (heads[i]) td.setAttribute('data-label', heads[i]);
  }));
  return table;
}

/** Replaces an element's children; null, false and undefined are left out and arrays flattened. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}
