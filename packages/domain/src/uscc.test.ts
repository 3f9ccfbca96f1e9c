import { describe, expect, test } from 'vitest';
import {
  computeOrganisationCodeCheckChar,
  computeUsccCheckChar,
  isUscc,
  normaliseCode,
  USCC_WEIGHTS,
  validateOrganisationCode,
  validateUscc,
} from './uscc.ts';

const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);
const warningCodes = (r: { warnings: { code: string }[] }) => r.warnings.map((e) => e.code);

describe('USCC check character (qualification-rules §5.2)', () => {
  test('weights are 3^(i−1) mod 31 as listed in §5.2', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  test.each([
    ['914403001922038216', '6'],
    ['9144030071526726XG', 'G'],
    ['9150000020286320X6', '6'],
    ['91500112MA5U000540', '0'],
  ])('computeUsccCheckChar(%s) = %s', (code, check) => {
    expect(computeUsccCheckChar(code.slice(0, 17))).toBe(check);
  });

  test('rejects a body that is not 17 characters of the charset', () => {
    expect(() => computeUsccCheckChar('9150000020286320')).toThrow(RangeError);
    expect(() => computeUsccCheckChar('91500000202863I0X')).toThrow(RangeError);
  });
});

describe('verified examples (§5.4, ID-05)', () => {
  test.each([
    '914403001922038216',
    '9144030071526726XG',
    '9150000020286320X6',
    '91110000600037341L',
    '91500112MA5U00011J',
    '91500112MA5U0002XA',
    '91500112MA5U000540',
    'N2500112MA5U00038R',
    '12440600MB2C07549J',
  ])('%s is valid with no warnings', (code) => {
    const r = validateUscc(code);
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  test('parts of 9150000020286320X6 (长安汽车, city-level registrar 500000)', () => {
    expect(validateUscc('9150000020286320X6').parts).toEqual({
      registrationAuthority: '9',
      organisationType: '1',
      regionCode: '500000',
      organisationCode: '20286320X',
      checkChar: '6',
    });
  });

  test('914403001922038217 (one-character typo) fails the check character', () => {
    const r = validateUscc('914403001922038217');
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['usccCheckChar']);
    expect(r.errors[0]?.details).toMatchObject({ expected: '6', actual: '7', overridable: true });
  });

  test('91500000202816442P (mock data) fails both checks', () => {
    const r = validateUscc('91500000202816442P');
    expect(codes(r)).toEqual(['usccCheckChar']);
    expect(warningCodes(r)).toContain('organisationCodeCheckChar');
  });
});

describe('known validator mistakes (§5.5), one test each', () => {
  test('check result 31 maps to 0: 91500112MA5U000540 is valid (cn-validator #2, stdnum-js)', () => {
    expect(isUscc('91500112MA5U000540')).toBe(true);
  });

  test('letters in position 1 are legitimate: N2500112MA5U00038R is valid (stdnum-js)', () => {
    expect(validateUscc('N2500112MA5U00038R').ok).toBe(true);
  });

  test('alphabet is the 31 characters, not A–Z: I O S V Z are rejected (generator #3)', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      const r = validateUscc(`91500112MA5U0001${letter}J`);
      expect(codes(r)).toContain('usccCharset');
    }
  });

  test('12440600MB2C07549J passes both checks (generator #2)', () => {
    const r = validateUscc('12440600MB2C07549J');
    expect(r.ok).toBe(true);
    expect(validateOrganisationCode(r.parts?.organisationCode ?? '').ok).toBe(true);
  });

  test('regex-only validation: 111111111111111111 fails the check character (any-rule #331)', () => {
    expect(codes(validateUscc('111111111111111111'))).toEqual(['usccCheckChar']);
  });

  test('a resident ID number that passes the USCC check is flagged (hutool #1367)', () => {
    const r = validateUscc('50010319900101058X');
    expect(r.ok).toBe(true);
    expect(warningCodes(r)).toContain('usccLooksLikeResidentId');
    expect(warningCodes(r)).toContain('usccOrganisationType');
  });

  test('a real code failing its checksum (hutool #4119) is an error an editor can override', () => {
    const strict = validateUscc('91350203M0001QKT19');
    expect(strict.ok).toBe(false);
    expect(codes(strict)).toEqual(['usccCheckChar']);
    expect(strict.errors[0]?.details).toMatchObject({ expected: 'F', overridable: true });
    const accepted = validateUscc('91350203M0001QKT19', { acceptCheckCharFailure: true });
    expect(accepted.ok).toBe(true);
    expect(warningCodes(accepted)).toEqual(['usccCheckChar']);
    expect(validateOrganisationCode('M0001QKT1').ok).toBe(true);
  });

  test('a generator whose output fails its validator: our own round trip holds (easy-dotnet #38)', () => {
    const body = '91500112MA5U0009';
    for (const last of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      const first17 = body + last;
      expect(isUscc(first17 + computeUsccCheckChar(first17))).toBe(true);
    }
  });

  test('a 15-digit 注册号 is a length error that points to legacyRegNo (opensanctions #5444)', () => {
    const r = validateUscc('500112000012345');
    expect(codes(r)).toEqual(['usccLength']);
    expect(r.errors[0]?.message.zh).toContain('注册号');
  });

  test('an embedded 组织机构代码 failing GB 11714 is a warning, not an error', () => {
    // Synthetic: organisation code MA5U00012 (GB 11714 expects 1) with a correct USCC check.
    const first17 = '91500112MA5U00012';
    const code = first17 + computeUsccCheckChar(first17);
    const r = validateUscc(code);
    expect(r.ok).toBe(true);
    expect(warningCodes(r)).toEqual(['organisationCodeCheckChar']);
  });
});

describe('normalisation and boundaries', () => {
  test('lower case, spaces and full-width characters are normalised', () => {
    expect(validateUscc('  9150000020286320x6 ').normalised).toBe('9150000020286320X6');
    expect(validateUscc('９１５０００００２０２８６３２０Ｘ６').ok).toBe(true);
    expect(validateUscc('9150 0000 2028 6320X6').ok).toBe(true);
    expect(normaliseCode('ｎ２500112ma5u00038r\u3000')).toBe('N2500112MA5U00038R');
  });

  test('17 and 19 characters are length errors; empty input is its own error', () => {
    expect(codes(validateUscc('9150000020286320X'))).toEqual(['usccLength']);
    expect(codes(validateUscc('9150000020286320X66'))).toEqual(['usccLength']);
    expect(validateUscc('9150000020286320X').parts).toBeNull();
    expect(codes(validateUscc('   '))).toEqual(['usccEmpty']);
  });

  test('symbols are invalid characters, listed once', () => {
    const r = validateUscc('91500000-0286320X6');
    expect(codes(r)).toEqual(['usccCharset']);
    expect(r.errors[0]?.details).toEqual({ invalid: ['-'] });
  });

  test('letters in positions 3–8 are a region-format error', () => {
    const first17 = '9150A00020286320X';
    expect(codes(validateUscc(first17 + computeUsccCheckChar(first17)))).toEqual([
      'usccRegionFormat',
    ]);
  });

  test('unknown registration authority and type combination are warnings (ID-03)', () => {
    const a = '9450000020286320X';
    expect(warningCodes(validateUscc(a + computeUsccCheckChar(a)))).toContain(
      'usccOrganisationType',
    );
    const b = 'B150000020286320X';
    expect(warningCodes(validateUscc(b + computeUsccCheckChar(b)))).toContain(
      'usccRegistrationAuthority',
    );
  });

  test('an unknown region code is a warning when the caller knows the region list (ID-07)', () => {
    const r = validateUscc('91500112MA5U00011J', { isKnownRegionCode: (c) => c === '500000' });
    expect(r.ok).toBe(true);
    expect(warningCodes(r)).toEqual(['usccRegionUnknown']);
  });

  test('messages are bilingual', () => {
    const e = validateUscc('914403001922038217').errors[0];
    expect(e?.message.zh).toMatch(/校验码/);
    expect(e?.message.en).toMatch(/check character/);
  });
});

describe('组织机构代码 (GB 11714, §5.3)', () => {
  test.each([
    ['19220382', '1'],
    ['71526726', 'X'],
    ['20286320', 'X'],
    ['M0001QKT', '1'],
  ])('check character of %s is %s', (body, check) => {
    expect(computeOrganisationCodeCheckChar(body)).toBe(check);
  });

  test('11 maps to 0: a body whose weighted sum ≡ 0 mod 11', () => {
    // 0×3 + … = 0 → 11 − 0 = 11 → '0'
    expect(computeOrganisationCodeCheckChar('00000000')).toBe('0');
  });

  test('accepts the hyphenated form and reports a wrong check character', () => {
    expect(validateOrganisationCode('19220382-1').ok).toBe(true);
    const r = validateOrganisationCode('19220382-2');
    expect(r.ok).toBe(false);
    expect(r.expectedCheckChar).toBe('1');
    expect(codes(r)).toEqual(['organisationCodeCheckChar']);
  });

  test('length and character errors', () => {
    expect(codes(validateOrganisationCode('1922038'))).toEqual(['organisationCodeLength']);
    expect(codes(validateOrganisationCode('1922038#1'))).toEqual(['organisationCodeCharset']);
  });
});
