/**
 * Number formatting for criterion details and gaps. Percentages are truncated (not rounded) so a
 * ratio just under a threshold never prints as the threshold (4.999 % → "4.99%").
 */

/** A fraction as a percentage with at most two decimals, truncated: 0.048 → "4.8%". */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  const hundredths = Math.floor(ratio * 10_000 + 1e-7);
  return `${hundredths / 100}%`;
}

/** An amount of 万元 with at most two decimals: 643.2 → "643.2". */
export function formatWan(amount: number): string {
  return String(Math.round(amount * 100) / 100);
}

/** A shortfall in 万元, rounded up to 0.1 万 so that adding it is enough: 26.81 → "26.9". */
export function formatWanUp(amount: number): string {
  return String(Math.ceil(amount * 10 - 1e-9) / 10);
}

/** A count or average with at most two decimals. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
