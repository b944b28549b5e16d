import type { Chart } from 'chart.js';
import type { ChartSpec } from './charts';

/**
 * Makes a chart's canvas keyboard operable: it takes focus (Tab), the arrow keys move from value
 * to value (Left/Right along the axis, Up/Down between series; on the study-day calendar
 * Left/Right move a week and Up/Down a day), Home and End jump to the ends, Escape hides the
 * tooltip. The value reached is shown in the chart's tooltip and read out through a live region.
 */
export function attachKeyboard(canvas: HTMLCanvasElement, current: () => { chart: Chart; spec: ChartSpec } | undefined, announce: (text: string) => void): void {
  let active: { d: number; i: number } | null = null;
  const clear = () => {
    const c = current();
    active = null;
    if (!c) return;
    c.chart.setActiveElements([]);
    c.chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    c.chart.update('none');
  };
  canvas.addEventListener('blur', clear);
  canvas.addEventListener('keydown', (e) => {
    const c = current();
    if (!c) return;
    const { chart, spec } = c;
    const nav = spec.navigable.filter((d) => chart.isDatasetVisible(d) && chart.data.datasets[d].data.length > 0);
    if (nav.length === 0) return;
    const len = (d: number) => chart.data.datasets[d].data.length;
    let { d, i } = active && nav.includes(active.d) ? active : { d: nav[0], i: -1 };
    const start = i < 0;
    const across = spec.calendar ? 7 : 1;
    const seriesStep = (delta: number) => {
      if (spec.calendar) i += delta;
      else d = nav[Math.max(0, Math.min(nav.length - 1, nav.indexOf(d) + delta))];
    };
    switch (e.key) {
      case 'ArrowRight':
        i = start ? 0 : i + across;
        break;
      case 'ArrowLeft':
        i = start ? 0 : i - across;
        break;
      case 'ArrowDown':
        if (start) i = 0;
        else seriesStep(1);
        break;
      case 'ArrowUp':
        if (start) i = 0;
        else seriesStep(-1);
        break;
      case 'Home':
        i = 0;
        break;
      case 'End':
        i = len(d) - 1;
        break;
      case 'Escape':
        clear();
        return;
      default:
        return;
    }
    e.preventDefault();
    i = Math.max(0, Math.min(len(d) - 1, i));
    active = { d, i };
    const element = chart.getDatasetMeta(d).data[i];
    chart.setActiveElements([{ datasetIndex: d, index: i }]);
    chart.tooltip?.setActiveElements([{ datasetIndex: d, index: i }], { x: element?.x ?? 0, y: element?.y ?? 0 });
    chart.update('none');
    announce(spec.describe(d, i));
  });
}
