// A drawing of the spine from C7 to S1 in bed millimetres: the levels a scan found, its landmarks,
// and where the rollers are. Without a measured map it draws the example spine of
// docs/profile-format.md, and says so in its title.
import { t } from './i18n.js';
import { LEVELS } from './profile.js';

const NS = 'http://www.w3.org/2000/svg';
/** docs/profile-format.md's complete example: a 182 cm person, head 120 mm from the head end. */
const EXAMPLE = { C7: 215.7, T1: 239.0, T2: 262.3, T3: 285.6, T4: 308.9, T5: 332.2, T6: 355.5, T7: 381.8, T8: 405.1,
  T9: 428.4, T10: 451.7, T11: 475.0, T12: 498.3, L1: 530.0, L2: 568.2, L3: 606.4, L4: 644.7, L5: 682.9, S1: 725.7 };

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Returns {svg, setRollers(positionMm)}. {@code levels} maps C7…S1 to mm; {@code landmarks} maps a
 * landmark name to mm.
 */
export function spineDrawing(levels, landmarks = {}, titleKey = 'spine.title') {
  const measured = levels && LEVELS.every((l) => typeof levels[l] === 'number');
  const at = measured ? levels : EXAMPLE;
  const top = at.C7 - 40;
  const bottom = at.S1 + 40;
  const height = 520;
  const y = (mm) => 10 + ((mm - top) / (bottom - top)) * height;
  const svg = el('svg', { viewBox: `0 0 240 ${height + 20}`, class: 'spine', role: 'img' });
  const title = el('title', {}, t(measured ? titleKey : 'spine.example'));
  svg.append(title);
  LEVELS.forEach((level, i) => {
    const next = LEVELS[i + 1];
    const gap = next ? (at[next] - at[level]) * 0.7 : 28;
    const widthPx = level.startsWith('L') ? 56 : level === 'S1' ? 64 : 44;
    const cy = y(at[level]);
    const h = Math.max(8, (gap / (bottom - top)) * height);
    svg.append(el('rect', { x: 120 - widthPx / 2, y: cy - h / 2, width: widthPx, height: h, rx: 5,
      fill: '#e8e2d6', stroke: '#4a5a61', 'stroke-width': 1.5 }));
    svg.append(el('text', { x: 8, y: cy + 5, 'font-size': 14, fill: '#1c2a30' }, level));
  });
  for (const [name, mm] of Object.entries(landmarks || {})) {
    if (typeof mm !== 'number') continue;
    const ly = y(mm);
    svg.append(el('line', { x1: 82, x2: 190, y1: ly, y2: ly, stroke: '#1f4e5f', 'stroke-width': 3, 'stroke-dasharray': '6 3' }));
    svg.append(el('text', { x: 192, y: ly + 5, 'font-size': 13, 'font-weight': 700, fill: '#1f4e5f' }, name));
  }
  const rollers = el('g', { visibility: 'hidden' });
  rollers.append(el('rect', { x: 60, y: -6, width: 120, height: 12, rx: 6, fill: '#e9a23b', 'fill-opacity': 0.55 }),
    el('circle', { cx: 80, cy: 0, r: 11, fill: '#b35c00' }), el('circle', { cx: 160, cy: 0, r: 11, fill: '#b35c00' }));
  svg.append(rollers);
  return {
    svg,
    measured,
    setRollers(positionMm) {
      if (typeof positionMm !== 'number') { rollers.setAttribute('visibility', 'hidden'); return; }
      const py = Math.min(Math.max(y(positionMm), 0), height + 20);
      rollers.setAttribute('transform', `translate(0 ${py})`);
      rollers.setAttribute('visibility', 'visible');
    },
  };
}
