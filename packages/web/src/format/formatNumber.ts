/**
 * Number formats users of Chinese statistics expect: counts and amounts in 万 (10⁴) and 亿 (10⁸),
 * shares as %, index scores with two decimals, signed changes. English uses thousands, millions
 * and billions with the same significant digits.
 */

/** Display language of the dashboard. */
export type Lang = 'zh' | 'en';

const DASH = '—';

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/** Digits kept after the point for a scaled value: 1.23万, 12.3万, 123万. */
function scaled(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

/**
 * A count or amount in the user's units: `12345` → `1.23万` (zh) or `12.3K` (en); `3.2e8` →
 * `3.2亿` / `320M`. Values under 10,000 (zh) or 1,000 (en) keep their digits with grouping.
 */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 2): string {
  if (isMissing(value)) return DASH;
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (lang === 'zh') {
    if (abs >= 1e8) return `${sign}${scaled(abs / 1e8, digits)}亿`;
    if (abs >= 1e4) return `${sign}${scaled(abs / 1e4, digits)}万`;
    return value.toLocaleString('zh-CN', { maximumFractionDigits: digits });
  }
  if (abs >= 1e9) return `${sign}${scaled(abs / 1e9, digits)}B`;
  if (abs >= 1e6) return `${sign}${scaled(abs / 1e6, digits)}M`;
  if (abs >= 1e4) return `${sign}${scaled(abs / 1e3, digits - 1 < 0 ? 0 : digits - 1)}K`;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/**
 * An amount given in 万元 (the unit of most registry money fields), shown in 万元 or 亿元:
 * `52000` → `5.2亿元`; English `520M yuan`.
 */
export function formatWanYuan(value: number | null | undefined, lang: Lang): string {
  if (isMissing(value)) return DASH;
  if (lang === 'zh') {
    return Math.abs(value) >= 1e4 ? `${scaled(value / 1e4, 2)}亿元` : `${scaled(value, 2)}万元`;
  }
  return `${formatNumber(value * 1e4, 'en')} yuan`;
}

/** A ratio (0.123) as a percentage: `12.3%`. */
export function formatRatio(value: number | null | undefined, digits = 1): string {
  if (isMissing(value)) return DASH;
  return `${(value * 100).toFixed(digits)}%`;
}

/** A value already in percent (index scores are 0–100): `70.70` → `70.70`, with `%` if asked. */
export function formatScore(value: number | null | undefined, digits = 2, percent = false): string {
  if (isMissing(value)) return DASH;
  return `${value.toFixed(digits)}${percent ? '%' : ''}`;
}

/** A signed change: `+3.38`, `-1.69`, `0.00`; `—` when there is no previous value. */
export function formatChange(value: number | null | undefined, digits = 2): string {
  if (isMissing(value)) return DASH;
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${value > 0 ? '+' : '-'}${text}`;
}
