// The spine scan: start it, show its progress, then the landmarks it found on the spine drawing
// (POST /api/scans, GET /api/scans/{id}). A rejected scan says why and offers to scan again.
import { t } from '../i18n.js';
import { get, post } from '../api.js';
import { h, fill, problemBox } from '../dom.js';
import { spineDrawing } from '../spine.js';

/** Choice: poll twice a second; a scan takes tens of seconds and a bar that moves is enough. */
const POLL_MS = 500;

export async function render({ id }) {
  const node = h('div');
  let timer = null;
  let stopped = false;

  function intro(err) {
    fill(node, h('h1', t('scan.title')), h('p', t('scan.intro')), h('p', t('scan.lieDown')),
      err ? problemBox(err) : null,
      h('div.actions', h('button.primary', { type: 'button', id: 'start-scan', autofocus: true, onclick: start }, t('scan.start')),
        h('a.button', { href: `#/p/${id}/goal`, id: 'skip-scan' }, t('scan.skip'))));
  }

  async function start() {
    fill(node, h('h1', t('scan.title')), h('p.loading', { role: 'status' }, h('span.spinner', { 'aria-hidden': 'true' }), t('scan.starting')));
    try {
      const scan = await post('/api/scans', { profileId: id });
      poll(scan.id);
    } catch (err) {
      intro(err);
    }
  }

  async function poll(scanId) {
    if (stopped) return;
    let s;
    try {
      s = await get(`/api/scans/${scanId}`);
    } catch (err) {
      intro(err);
      return;
    }
    if (s.state === 'RUNNING') {
      const pct = Math.round((s.progress || 0) * 100);
      fill(node, h('h1', t('scan.title')),
        h('p', { role: 'status', id: 'scan-progress-text' }, t('scan.running', { pct })),
        h('progress.scan-progress', { value: pct, max: 100, 'aria-label': t('scan.progress') }),
        h('p.muted', t('scan.stayStill')));
      timer = setTimeout(() => poll(scanId), POLL_MS);
      return;
    }
    if (s.state === 'DONE' && s.result) {
      const drawing = spineDrawing(s.result.levels, s.result.landmarks, 'spine.scanned');
      fill(node, h('h1', t('scan.doneTitle')),
        h('p', { role: 'status' }, t('scan.done', { quality: Math.round((s.result.quality || 0) * 100) })),
        h('div.card', drawing.svg),
        h('div.actions', h('a.button.primary', { href: `#/p/${id}/goal`, id: 'to-goal' }, t('common.continue')),
          h('button', { type: 'button', onclick: start }, t('scan.again'))));
      return;
    }
    fill(node, h('h1', t('scan.title')),
      h('div.problem', { role: 'alert' }, h('p', h('strong', t('scan.rejected')), ' ', s.reason
        || (s.result && (s.result.reasons || []).map((r) => r.message || r).join(' ')) || ''),
        h('p', t('scan.rejectedWhat'))),
      h('div.actions', h('button.primary', { type: 'button', onclick: start }, t('scan.again')),
        h('a.button', { href: `#/p/${id}/goal` }, t('scan.skip'))));
  }

  intro(null);
  return { title: t('scan.title'), node, cleanup: () => { stopped = true; clearTimeout(timer); } };
}
