/**
 * A calendar date as an ISO 8601 string `YYYY-MM-DD` (no time, no zone). Domain data is dated
 * with such strings, which compare correctly as text, so no `Date` (and no clock) is needed.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (Gregorian leap years). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * Whether `date` lies in the half-open validity period `[validFrom, validTo)`: `null` bounds are
 * open. `validTo` is the first day on which the thing no longer holds.
 */
export function isWithinPeriod(
  date: IsoDate,
  validFrom: IsoDate | null | undefined,
  validTo: IsoDate | null | undefined,
): boolean {
  return (validFrom == null || validFrom <= date) && (validTo == null || date < validTo);
}

/** Throws a `RangeError` naming the argument when `date` is not `YYYY-MM-DD`. */
export function assertIsoDate(date: string, name = 'date'): void {
  if (!isIsoDate(date)) {
    throw new RangeError(
      `${name} must be a date written YYYY-MM-DD (日期须为 YYYY-MM-DD): ${date}`,
    );
  }
}
