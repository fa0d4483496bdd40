// A small live line chart on a canvas: the last minute of one or more series. Its text twin (the
// current values) is given by the caller next to it, so the chart is never the only way to read them.

/** Choice: a minute of history is enough to see a trend on a phone. */
const WINDOW_S = 60;
const COLOURS = ['#1f4e5f', '#b35c00', '#5b3a8c', '#8a1c3c'];

export class LiveChart {
  constructor(canvas, unit) {
    this.canvas = canvas;
    this.unit = unit;
    this.points = []; // [t, [values…]]
  }

  add(tS, values) {
    this.points.push([tS, values]);
    while (this.points.length && this.points[0][0] < tS - WINDOW_S) this.points.shift();
    this.draw();
  }

  draw() {
    const c = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const w = c.clientWidth || 300;
    const hgt = c.clientHeight || 120;
    if (c.width !== Math.round(w * ratio)) { c.width = Math.round(w * ratio); c.height = Math.round(hgt * ratio); }
    const g = c.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, hgt);
    if (!this.points.length) return;
    const all = this.points.flatMap(([, v]) => v).filter((v) => typeof v === 'number');
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    if (hi - lo < 1) { hi += 0.5; lo -= 0.5; }
    const t1 = this.points[this.points.length - 1][0];
    const x = (tS) => 40 + ((tS - (t1 - WINDOW_S)) / WINDOW_S) * (w - 48);
    const y = (v) => 8 + (1 - (v - lo) / (hi - lo)) * (hgt - 24);
    g.fillStyle = '#4a5a61';
    g.font = '12px system-ui, sans-serif';
    g.fillText(`${Math.round(hi)} ${this.unit}`, 2, 14);
    g.fillText(`${Math.round(lo)} ${this.unit}`, 2, hgt - 14);
    const series = this.points[0][1].length;
    for (let s = 0; s < series; s++) {
      g.strokeStyle = COLOURS[s % COLOURS.length];
      g.lineWidth = 2;
      g.beginPath();
      this.points.forEach(([tS, v], i) => {
        if (typeof v[s] !== 'number') return;
        if (i === 0) g.moveTo(x(tS), y(v[s])); else g.lineTo(x(tS), y(v[s]));
      });
      g.stroke();
    }
  }
}
