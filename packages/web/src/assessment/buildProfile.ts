/**
 * Turns the self-assessment form's values into an enterprise profile for `POST /api/assessments`:
 * empty inputs are left out (an absent fact means "unknown" to the rules, never 0), and the three
 * columns of yearly figures get their accounting years.
 */

/** The form's values as antd returns them. */
export type ProfileFormValues = Record<string, unknown> & {
  years?: (Record<string, number | null | undefined> | undefined)[];
  ip?: (Record<string, unknown> | undefined)[];
};

/** Blank: undefined, null, an empty string or an object with no fields (an untouched group). */
function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  return typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
}

/** A copy without blank values, recursively (arrays keep their order, blank items dropped). */
export function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutBlanks).filter((v) => !isBlank(v));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const cleaned = withoutBlanks(v);
      if (!isBlank(cleaned)) out[k] = typeof cleaned === 'string' ? cleaned.trim() : cleaned;
    }
    return out;
  }
  return value;
}

/**
 * The profile: basic fields as entered, `years[i].year = firstYear - i` for the filled columns
 * (latest first), IP items as entered.
 */
export function buildProfile(
  values: ProfileFormValues,
  latestYear: number,
): Record<string, unknown> {
  const { years = [], ip = [], ...rest } = values;
  const yearRows = years
    .map((y, i) => ({
      year: latestYear - i,
      ...(withoutBlanks(y ?? {}) as Record<string, number>),
    }))
    .filter((y) => Object.keys(y).length > 1);
  return {
    ...(withoutBlanks(rest) as Record<string, unknown>),
    years: yearRows,
    ip: withoutBlanks(ip),
  };
}
