/** Percentages are kept and compared to one decimal: 720 on 100-1000 is 68.9, not 68.888…. */
export function roundPercent(value: number): number {
  return Math.round(value * 10) / 10;
}

/** "76", "68.9": one decimal at most, none when whole. */
export function formatPercent(value: number): string {
  const r = roundPercent(value);
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
