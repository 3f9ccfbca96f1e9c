/**
 * Staff counting (人数口径). 高企: 科技人员 need ≥ 183 days of work in the year; 职工总数 = in-post
 * staff plus part-time/temporary staff with ≥ 183 days; both are annual averages of monthly
 * headcounts, `(start + end of month) / 2` summed and divided by the months operated
 * (`qualification-rules.md` §1.4, HT-04). 科技型中小企业: part-time/temporary staff need ≥ 6 months,
 * averaging ⚠ possibly quarterly (§2.2, TS-05).
 */

/** A month's (or quarter's) headcount at its start and end. */
export type PeriodHeadcount = { start: number; end: number };

/**
 * Annual average of monthly headcounts: Σ((start + end) / 2) / months. A firm that opened or
 * closed mid-year passes only its operating months, which then count as the year.
 */
export function monthlyHeadcountAverage(months: readonly PeriodHeadcount[]): number {
  if (months.length === 0) return 0;
  let sum = 0;
  for (const m of months) sum += (m.start + m.end) / 2;
  return sum / months.length;
}

/** Annual average of quarterly headcounts (the ⚠ tech-SME reading of two consultancies). */
export function quarterlyHeadcountAverage(quarters: readonly PeriodHeadcount[]): number {
  return monthlyHeadcountAverage(quarters);
}

/** One person for the staff counts. */
export type StaffMember = { inPost: boolean; daysWorked: number };

/**
 * Whether a person counts under a rule: in-post staff (labour contract or social insurance) always
 * count toward 职工总数; part-time and temporary staff need ≥ 183 days (高企) or ≥ 6 months,
 * taken as ≥ 183 days (科技型中小企业). For 科技人员 the 183 days apply to everyone (高企).
 */
export function countsAsStaff(
  person: StaffMember,
  rule: 'highTechTotal' | 'highTechSt' | 'techSme',
): boolean {
  if (rule === 'highTechSt') return person.daysWorked >= 183;
  return person.inPost || person.daysWorked >= 183;
}
