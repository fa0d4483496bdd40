// The session as it runs: rollers on the spine drawing, force and roller temperatures live, the
// technique and time left, pause and resume, one step of intensity or heat, and a large STOP that
// is always on screen and also answers Escape and Space. A fault says what happened, that the bed
// is safe and what to do next, and waits for an acknowledgement.
import { t } from '../i18n.js';
import { get, post } from '../api.js';
import { h, fill, problemBox } from '../dom.js';
import { go } from '../app.js';
import { spineDrawing } from '../spine.js';
import { LiveChart } from '../chart.js';
import { lockBox as locksBox } from '../locks.js';

/** The bed's states while it works (companion LiveFrame): IDLE and FAULTED are the rest. */
const MOVING = ['RUNNING', 'HOMING', 'WARMING', 'SCANNING', 'COOLDOWN'];

function clock(seconds) {
  if (typeof seconds !== 'number') return '–';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export async function render({ id }, query) {
  const sessionId = query && query.get('session');
  let bed;
  let noBed = null;
  try {
    bed = await get('/api/bed');
  } catch (err) {
    if (!err.routeMissing) throw err;
    bed = { state: 'IDLE', locks: [] }; // a server without the bed's routes: say so, keep the page
    noBed = problemBox(err);
  }
  const drawing = spineDrawing(null, {}, 'spine.live');
  const status = h('p.big-number', { id: 'live-state', role: 'status' }, t(`state.${bed.state}`));
  const technique = h('span', { id: 'live-technique' }, '–');
  const left = h('span', { id: 'live-time-left' }, '–');
  const level = h('span', { id: 'live-level' }, '–');
  const forceText = h('span', { id: 'live-force' }, '–');
  const tempText = h('span', { id: 'live-temps' }, '–');
  const forceCanvas = h('canvas.chart', { role: 'img', 'aria-label': t('live.forceChart') });
  const tempCanvas = h('canvas.chart', { role: 'img', 'aria-label': t('live.tempChart') });
  const forceChart = new LiveChart(forceCanvas, 'N');
  const tempChart = new LiveChart(tempCanvas, '°C');
  const message = h('div', { 'aria-live': 'assertive' });
  const faultBox = h('section.card.fault', { id: 'fault', hidden: true, role: 'alert' });
  const lockBox = h('div');
  const finished = h('div');
  let state = bed.state;
  let everRan = MOVING.includes(bed.state) || bed.state === 'PAUSED';
  let shownFaults = '';

  async function command(path, body) {
    fill(message, );
    try {
      const answer = await post(`/api/sessions/current/${path}`, body);
      if (answer && path === 'adjust') {
        // the server answers {forceScale, rollerTargetC, detail}: its detail says what changed
        const what = body.intensity !== undefined ? 'intensity' : 'heat';
        fill(message, h('p.notice', { id: 'adjusted' }, t(`live.adjusted.${what}`), ' ', answer.detail || ''));
      }
      return answer;
    } catch (err) {
      fill(message, problemBox(err));
      return null;
    }
  }

  const stop = h('button.danger', { type: 'button', id: 'stop', 'aria-keyshortcuts': 'Escape Space', onclick: () => command('stop') }, t('live.stop'));
  const pause = h('button', { type: 'button', id: 'pause', onclick: () => command(state === 'PAUSED' ? 'resume' : 'pause') }, t('live.pause'));
  const step = (what, delta) => h('button', { type: 'button', id: `${what}-${delta > 0 ? 'up' : 'down'}`,
    'aria-label': t(`live.${what}${delta > 0 ? 'Up' : 'Down'}`), onclick: () => command('adjust', { [what]: delta }) }, delta > 0 ? '+1' : '−1');

  // Escape and Space stop the bed from anywhere on this page (issue 12); Enter still presses buttons.
  function onKey(e) {
    if (e.key === 'Escape' || e.key === ' ' || e.code === 'Space') {
      e.preventDefault();
      e.stopPropagation();
      command('stop');
    }
  }
  window.addEventListener('keydown', onKey, true);

  function showFaults(faults) {
    const key = JSON.stringify(faults || []);
    if (key === shownFaults) return;
    shownFaults = key;
    if (!faults || !faults.length) { faultBox.hidden = true; return; }
    faultBox.hidden = false;
    fill(faultBox, h('h2', { tabindex: '-1' }, t('live.faultTitle')),
      h('ul', faults.map((f) => h('li', h('strong', f.code), ': ', f.message))),
      h('p', h('strong', t('live.faultSafe'))),
      h('p', t('live.faultNext')),
      h('button.primary', { type: 'button', id: 'acknowledge', onclick: async () => {
        if (await command('acknowledge') !== null) { shownFaults = ''; faultBox.hidden = true; refreshLocks(); }
      } }, t('live.acknowledge')));
    faultBox.querySelector('h2').focus(); // the fault comes first: scroll to it and read it out
  }

  async function refreshLocks() {
    try {
      const b = await get('/api/bed');
      fill(lockBox, locksBox(b.locks));
    } catch (err) { /* the frames keep the page current; the locks show next time */ }
  }

  function onFrame(f) {
    if (f.state && f.state !== state) {
      if (MOVING.includes(f.state) || f.state === 'PAUSED') everRan = true;
      state = f.state;
      status.textContent = t(`state.${f.state}`);
      pause.textContent = t(state === 'PAUSED' ? 'live.resume' : 'live.pause');
      if (everRan && f.state === 'IDLE') {
        fill(finished, h('div.notice', { role: 'status' }, h('p', h('strong', t('live.finished'))),
          h('a.button.primary', { href: `#/p/${id}/pain-after${sessionId ? `?session=${encodeURIComponent(sessionId)}` : ''}`, id: 'to-pain-after' }, t('live.painAfter'))));
      }
    }
    drawing.setRollers(f.positionMm);
    technique.textContent = f.technique ? t(`technique.${f.technique}`) : '–';
    left.textContent = clock(f.secondsLeft);
    level.textContent = f.level || '–';
    if (typeof f.forceN === 'number') forceText.textContent = `${Math.round(f.forceN)} N`;
    if (Array.isArray(f.rollerTempsC)) tempText.textContent = f.rollerTempsC.map((c) => `${Math.round(c * 10) / 10} °C`).join(', ');
    if (typeof f.t === 'number') {
      forceChart.add(f.t, [f.forceN]);
      if (Array.isArray(f.rollerTempsC)) tempChart.add(f.t, f.rollerTempsC);
    }
    showFaults(f.faults);
  }

  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/bed/live`);
  const link = h('p.muted', { id: 'live-link' }, t('live.connecting'));
  socket.onopen = () => { link.textContent = t('live.connected'); };
  socket.onmessage = (m) => { try { onFrame(JSON.parse(m.data)); } catch (e) { /* one bad frame is skipped */ } };
  socket.onclose = () => { link.textContent = t('live.disconnected'); };

  if (!noBed) refreshLocks();
  const node = h('div',
    h('h1', t('live.title', { name: bed.profileName || '' })),
    status, link, noBed, lockBox, faultBox, message, finished,
    // the numbers first: on a phone they are what a person lying down looks for; a desktop puts the drawing left (css)
    h('div.live-grid',
      h('div.card.live-spine', drawing.svg, h('p', t('live.level'), ' ', level)),
      h('div.live-numbers',
        h('div.card', h('p', t('live.technique'), ' ', h('strong', technique)), h('p', t('live.timeLeft'), ' ', h('strong.big-number', left))),
        h('div.card', h('h2', t('live.force'), ' ', forceText), forceCanvas),
        h('div.card', h('h2', t('live.temps'), ' ', tempText), tempCanvas),
        h('div.card',
          h('div.actions', pause),
          h('p', h('strong', t('live.intensity'))), h('div.actions', step('intensity', -1), step('intensity', +1)),
          h('p', h('strong', t('live.heat'))), h('div.actions', step('heat', -1), step('heat', +1))),
        h('p.muted', t('live.keys')))),
    h('div.stop-bar', stop));
  return {
    title: t('live.titleShort'), node, wide: true,
    cleanup: () => { window.removeEventListener('keydown', onKey, true); socket.close(); },
  };
}
