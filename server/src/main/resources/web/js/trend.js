// A small SVG chart of a 0-10 score over days (the diary's PEG or daily NRS) with the baseline and a
// threshold marked. It is a picture only (role=img with a name); the page gives the same figures as text.
const NS = 'http://www.w3.org/2000/svg';
const W = 600;
const H = 220;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

function el(name, attrs) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** points: [{date: 'YYYY-MM-DD', value}], oldest first; lines: [{value, label, dash}] drawn across. */
export function trendSvg(points, lines, name) {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'trend', role: 'img', 'aria-label': name });
  const day = (iso) => Date.parse(iso + 'T12:00:00Z') / 86400000;
  const first = points.length ? day(points[0].date) : 0;
  const last = points.length ? day(points[points.length - 1].date) : 1;
  const span = Math.max(1, last - first);
  const x = (iso) => PAD.left + ((day(iso) - first) / span) * (W - PAD.left - PAD.right);
  const y = (v) => PAD.top + (1 - v / 10) * (H - PAD.top - PAD.bottom);
  for (const v of [0, 5, 10]) {
    svg.append(el('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), stroke: '#d5dcde' }));
    const label = el('text', { x: 4, y: y(v) + 5, 'font-size': 14, fill: '#4a5a61' });
    label.textContent = String(v);
    svg.append(label);
  }
  for (const line of lines) {
    if (typeof line.value !== 'number') continue;
    svg.append(el('line', { x1: PAD.left, x2: W - PAD.right, y1: y(line.value), y2: y(line.value),
      stroke: line.colour || '#b35c00', 'stroke-width': 2, 'stroke-dasharray': line.dash ? '6 4' : 'none' }));
    const label = el('text', { x: W - PAD.right - 4, y: y(line.value) - 5, 'font-size': 13, 'text-anchor': 'end',
      fill: line.colour || '#8a4700' });
    label.textContent = line.label;
    svg.append(label);
  }
  if (points.length) {
    svg.append(el('polyline', { points: points.map((p) => `${x(p.date)},${y(p.value)}`).join(' '), fill: 'none',
      stroke: '#1f4e5f', 'stroke-width': 2.5 }));
    for (const p of points) svg.append(el('circle', { cx: x(p.date), cy: y(p.value), r: 3.5, fill: '#1f4e5f' }));
    for (const [iso, anchor] of [[points[0].date, 'start'], [points[points.length - 1].date, 'end']]) {
      const label = el('text', { x: x(iso), y: H - 8, 'font-size': 13, 'text-anchor': anchor, fill: '#4a5a61' });
      label.textContent = iso;
      svg.append(label);
    }
  }
  return svg;
}
