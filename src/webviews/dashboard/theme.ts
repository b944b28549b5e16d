/**
 * Colours and font from the VS Code theme. A canvas cannot use CSS variables, so they are read
 * with getComputedStyle whenever the charts are drawn, and the charts are drawn again when the
 * theme changes (VS Code then changes the body's class and the variables on <html>).
 */
export interface Theme {
  kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  foreground: string;
  muted: string;
  grid: string;
  /** One colour per certification, in a stable order. */
  series: string[];
  goal: string;
  pass: string;
  ready: string;
  /** Heatmap levels 0 (no study) to 4. */
  heat: string[];
  border: string | null;
  fontFamily: string;
  fontSize: number;
}

const SERIES_VARS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-charts-red'];
const SERIES_FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#cca700', '#f14c4c'];

let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour with `alpha` applied, through the canvas's own colour parser. */
export function withAlpha(color: string, alpha: number): string {
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return color;
  probe.fillStyle = '#000';
  probe.fillStyle = color;
  const parsed = String(probe.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(parsed);
  if (hex) return `rgba(${parseInt(hex[1], 16)}, ${parseInt(hex[2], 16)}, ${parseInt(hex[3], 16)}, ${alpha})`;
  const rgba = /^rgba?\(([^,]+),([^,]+),([^,)]+)/.exec(parsed);
  return rgba ? `rgba(${rgba[1].trim()}, ${rgba[2].trim()}, ${rgba[3].trim()}, ${alpha})` : color;
}

export function readTheme(): Theme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const classes = document.body.classList;
  const kind = classes.contains('vscode-high-contrast-light')
    ? 'high-contrast-light'
    : classes.contains('vscode-high-contrast')
      ? 'high-contrast'
      : classes.contains('vscode-light')
        ? 'light'
        : 'dark';
  const foreground = v('--vscode-foreground', kind === 'light' ? '#3b3b3b' : '#cccccc');
  const green = v('--vscode-charts-green', '#89d185');
  const highContrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  return {
    kind,
    foreground,
    muted: v('--vscode-descriptionForeground', foreground),
    grid: v('--vscode-charts-lines', withAlpha(foreground, 0.25)),
    series: SERIES_VARS.map((name, i) => v(name, SERIES_FALLBACK[i])),
    goal: v('--vscode-charts-red', '#f14c4c'),
    pass: v('--vscode-charts-red', '#f14c4c'),
    ready: green,
    heat: [withAlpha(foreground, highContrast ? 0.0 : 0.08), withAlpha(green, 0.3), withAlpha(green, 0.55), withAlpha(green, 0.8), green],
    border: highContrast ? v('--vscode-contrastBorder', foreground) : null,
    fontFamily: v('--vscode-font-family', 'system-ui, sans-serif'),
    fontSize: parseFloat(v('--vscode-font-size', '13')) || 13,
  };
}

/** Calls `redraw` (once per frame at most) when the theme changes. */
export function onThemeChange(redraw: () => void): void {
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      redraw();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
}
