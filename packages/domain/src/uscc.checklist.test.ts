/**
 * The identifier items of the qualification checklist (`qualification-rules.md` §7, ID-01…ID-07),
 * one test each, named by id. `uscc.test.ts` covers the same rules by topic; this file maps them
 * one-to-one to the checklist and adds the boundary cases it lacked.
 */
import { describe, expect, test } from 'vitest';
import { isRegionCode } from './regions.ts';
import {
  computeOrganisationCodeCheckChar,
  computeUsccCheckChar,
  USCC_CHARSET,
  USCC_WEIGHTS,
  validateUscc,
} from './uscc.ts';

const errorCodes = (code: string) => validateUscc(code).errors.map((e) => e.code);
const warningCodes = (code: string, known?: (c: string) => boolean | undefined) =>
  validateUscc(code, known ? { isKnownRegionCode: known } : {}).warnings.map((e) => e.code);
const withCheck = (first17: string) => first17 + computeUsccCheckChar(first17);

describe('qualification checklist ID-01…ID-07', () => {
  test('ID-01: 18 characters from the 31-character set; positions 3–8 are digits', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(USCC_CHARSET).not.toMatch(/[IOSVZ]/);
    expect(validateUscc('9150000020286320X6').ok).toBe(true);
    expect(errorCodes('9150000020286320X')).toEqual(['usccLength']);
    expect(errorCodes('9150000020286320X66')).toEqual(['usccLength']);
    expect(errorCodes('9150000020286320S6')).toContain('usccCharset');
    expect(errorCodes(withCheck('915A000020286320X'))).toEqual(['usccRegionFormat']);
  });

  test('ID-02: check = (31 − Σ value·3^(i−1) mod 31) mod 31 → char; a result of 31 gives 0', () => {
    expect(USCC_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
    // independent recomputation for one code
    const body = '9150000020286320X';
    const sum = [...body].reduce((s, c, i) => s + USCC_CHARSET.indexOf(c) * (3 ** i % 31), 0);
    expect(computeUsccCheckChar(body)).toBe(USCC_CHARSET.charAt((31 - (sum % 31)) % 31));
    expect(computeUsccCheckChar('91500112MA5U00054')).toBe('0');
    expect(validateUscc('91500112MA5U000540').ok).toBe(true);
  });

  test('ID-03: position 1 ∈ {1–9, A, N, Y}; position 2 must belong to it (warnings, not errors)', () => {
    for (const first of ['1', '5', '9', 'A', 'N', 'Y']) {
      const code = withCheck(`${first}1500000202863200`);
      expect(warningCodes(code), first).not.toContain('usccRegistrationAuthority');
    }
    for (const first of ['0', 'B', 'X']) {
      expect(warningCodes(withCheck(`${first}1500000202863200`)), first).toContain(
        'usccRegistrationAuthority',
      );
    }
    expect(warningCodes(withCheck('93500000202863200'))).not.toContain('usccOrganisationType');
    expect(warningCodes(withCheck('94500000202863200'))).toContain('usccOrganisationType');
    expect(warningCodes(withCheck('Y2500000202863200'))).toContain('usccOrganisationType');
  });

  test('ID-04: embedded org code: weights 3,7,9,10,5,8,4,2; 11 − Σ mod 11; 10 → X, 11 → 0', () => {
    expect(computeOrganisationCodeCheckChar('71526726')).toBe('X');
    expect(computeOrganisationCodeCheckChar('00000000')).toBe('0');
    expect(computeOrganisationCodeCheckChar('19220382')).toBe('1');
    const w = [3, 7, 9, 10, 5, 8, 4, 2];
    const body = 'MA5U0001';
    const sum = [...body].reduce(
      (s, c, i) => s + (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * (w[i] ?? 0),
      0,
    );
    const r = 11 - (sum % 11);
    expect(computeOrganisationCodeCheckChar(body)).toBe(
      r === 10 ? 'X' : r === 11 ? '0' : String(r),
    );
  });

  test('ID-05: the §5.4 fixtures are valid and 914403001922038217 is invalid', () => {
    for (const code of [
      '914403001922038216',
      '9144030071526726XG',
      '9150000020286320X6',
      '91110000600037341L',
      '91500112MA5U000540',
      'N2500112MA5U00038R',
    ]) {
      expect(validateUscc(code).ok, code).toBe(true);
    }
    expect(validateUscc('914403001922038217').ok).toBe(false);
  });

  test('ID-06: a plausible real code failing its checksum is an overridable error, a warning once accepted', () => {
    const strict = validateUscc('91350203M0001QKT19');
    expect(strict.ok).toBe(false);
    expect(strict.errors[0]?.details).toMatchObject({ overridable: true });
    const accepted = validateUscc('91350203M0001QKT19', { acceptCheckCharFailure: true });
    expect(accepted.ok).toBe(true);
    expect(accepted.warnings.map((w) => w.code)).toEqual(['usccCheckChar']);
  });

  test('ID-07: region code must be known (retired codes allowed); a 15-digit 注册号 points to legacyRegNo', () => {
    // 500112 渝北区 is current; 500221 (长寿县, retired in 2001) is allowed; 500299 is unknown
    expect(warningCodes('91500112MA5U00011J', isRegionCode)).toEqual([]);
    expect(warningCodes(withCheck('91500221MA5U00011'), isRegionCode)).toEqual([]);
    expect(warningCodes(withCheck('91500299MA5U00011'), isRegionCode)).toEqual([
      'usccRegionUnknown',
    ]);
    const r = validateUscc('500112000012345');
    expect(r.errors.map((e) => e.code)).toEqual(['usccLength']);
    expect(r.errors[0]?.message.zh).toContain('原注册号');
  });
});
