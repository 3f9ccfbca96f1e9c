/**
 * Unified social credit code (统一社会信用代码, USCC; GB 32100-2015) and organisation code
 * (组织机构代码, GB 11714) validation. Rules and fixtures: `qualification-rules.md` §5 (check
 * weights 3^(i−1) mod 31 with 31 → '0'; organisation-code weights 3, 7, 9, 10, 5, 8, 4, 2 with
 * 10 → 'X', 11 → '0'; sources https://osuse.cn/post/10002590.html ,
 * https://github.com/wellenzhong/cn-validator/issues/2 ,
 * https://github.com/chinabugotech/hutool/issues/2020 ).
 */
import { type DomainError, domainError } from './errors.ts';

/** The 31 characters a USCC may contain: digits and capitals without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17 in the USCC check: 3^(i−1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** Weights of the 8 body characters in the GB 11714 organisation-code check (2^(9−i) mod 11). */
export const ORGANISATION_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Registration authorities (登记管理部门, position 1) and the organisation types (机构类别,
 * position 2) each may issue, from the GB 32100 tables summarised in §5.1. The codes are from §5.1;
 * the labels of types under 2, 4, 6 and A are not in that summary (unverified wording).
 */
export const USCC_REGISTRATION_AUTHORITIES: Readonly<
  Record<string, { zh: string; en: string; types: Readonly<Record<string, string>> }>
> = {
  '1': {
    zh: '机构编制',
    en: 'Establishment administration',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办管理的群众团体', '9': '其他' },
  },
  '2': { zh: '外交', en: 'Foreign affairs', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    zh: '司法行政',
    en: 'Justice administration',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { zh: '文化', en: 'Culture', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    zh: '民政',
    en: 'Civil affairs',
    types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  '6': {
    zh: '旅游',
    en: 'Tourism',
    types: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地代表机构',
      '9': '其他',
    },
  },
  '7': {
    zh: '宗教',
    en: 'Religious affairs',
    types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' },
  },
  '8': { zh: '工会', en: 'Trade unions', types: { '1': '基层工会', '9': '其他' } },
  '9': {
    zh: '工商（市场监管）',
    en: 'Market regulation (business registration)',
    types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' },
  },
  A: {
    zh: '中央军委改革和编制办公室',
    en: 'CMC Reform and Organisation Office',
    types: { '1': '军队事业单位', '9': '其他' },
  },
  N: {
    zh: '农业',
    en: 'Agriculture',
    types: {
      '1': '组级集体经济组织',
      '2': '村级集体经济组织',
      '3': '乡镇级集体经济组织',
      '9': '其他',
    },
  },
  Y: { zh: '其他', en: 'Other', types: { '1': '其他' } },
};

/** The five fields of a USCC (§5.1). */
export type UsccParts = {
  /** Position 1, 登记管理部门. */
  registrationAuthority: string;
  /** Position 2, 机构类别. */
  organisationType: string;
  /** Positions 3–8, 登记管理机关行政区划码 (GB/T 2260, 6 digits; 500000 = city level). */
  regionCode: string;
  /** Positions 9–17, 主体标识码 = the 9-character 组织机构代码 with its own check character. */
  organisationCode: string;
  /** Position 18, the check character over positions 1–17. */
  checkChar: string;
};

/** Result of {@link validateUscc}. `ok` is true when `errors` is empty; warnings never block. */
export type UsccValidation = {
  ok: boolean;
  /** The code after {@link normaliseCode}; compare and store this form. */
  normalised: string;
  errors: DomainError[];
  warnings: DomainError[];
  /** Present when the normalised code has 18 characters, even if other checks failed. */
  parts: UsccParts | null;
};

/** Options of {@link validateUscc}. */
export type UsccValidationOptions = {
  /**
   * An editor has confirmed, with a reason kept in the audit log, that this real code fails its
   * check character (pre-2016 codes, e.g. Xiamen, hutool #4119): the failure becomes a warning.
   */
  acceptCheckCharFailure?: boolean;
  /**
   * Tells whether positions 3–8 are a known GB/T 2260 code; return `undefined` when the code is
   * outside what the caller knows. An unknown code is a warning (ID-07).
   */
  isKnownRegionCode?: (regionCode: string) => boolean | undefined;
};

/** Result of {@link validateOrganisationCode}. */
export type OrganisationCodeValidation = {
  ok: boolean;
  /** 9 characters without the hyphen. */
  normalised: string;
  errors: DomainError[];
  /** The expected check character when the 8 body characters are valid. */
  expectedCheckChar: string | null;
};

/**
 * Normalises a typed or pasted identifier: full-width forms → half-width (ＡＢ１ → AB1), all
 * whitespace removed (leading, trailing and inside, including the ideographic space), upper case.
 */
export function normaliseCode(code: string): string {
  return code
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u200B\uFEFF]/g, '')
    .toUpperCase();
}

/**
 * The USCC check character (position 18) of the first 17 characters:
 * `CHARSET[(31 − Σ value·weight mod 31) mod 31]`, so a raw 31 becomes '0' (§5.2).
 * Throws a `RangeError` if `first17` is not 17 characters of {@link USCC_CHARSET}.
 */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`invalid USCC character '${first17.charAt(i)}'`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Value of a GB 11714 character: digits 0–9, letters A=10 … Z=35; −1 otherwise. */
function organisationCharValue(c: string): number {
  if (/^[0-9]$/.test(c)) return Number(c);
  if (/^[A-Z]$/.test(c)) return c.charCodeAt(0) - 55;
  return -1;
}

/**
 * The GB 11714 check character of an 8-character organisation-code body:
 * `11 − Σ value·weight mod 11`, with 10 → 'X' and 11 → '0' (§5.3).
 * Throws a `RangeError` if `body8` is not 8 characters from 0–9, A–Z.
 */
export function computeOrganisationCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError(`expected 8 characters, got ${body8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = organisationCharValue(body8.charAt(i));
    if (value < 0) throw new RangeError(`invalid organisation-code character '${body8.charAt(i)}'`);
    sum += value * (ORGANISATION_CODE_WEIGHTS[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/**
 * Validates a 组织机构代码 (GB 11714): 8 body characters (0–9, A–Z) and a check character,
 * written `XXXXXXXX-X` or without the hyphen. Input is normalised first.
 */
export function validateOrganisationCode(code: string): OrganisationCodeValidation {
  let normalised = normaliseCode(code);
  if (/^[0-9A-Z]{8}-[0-9A-Z]$/.test(normalised)) normalised = normalised.replace('-', '');
  const errors: DomainError[] = [];
  if (normalised.length !== 9) {
    errors.push(
      domainError(
        'organisationCodeLength',
        `组织机构代码应为 9 位，实际 ${normalised.length} 位`,
        `An organisation code has 9 characters, got ${normalised.length}`,
        { length: normalised.length },
      ),
    );
    return { ok: false, normalised, errors, expectedCheckChar: null };
  }
  const bad = [...normalised].filter((c) => organisationCharValue(c) < 0);
  if (bad.length > 0) {
    errors.push(
      domainError(
        'organisationCodeCharset',
        `组织机构代码含非法字符：${bad.join('')}（只允许数字和大写字母）`,
        `The organisation code contains invalid characters: ${bad.join('')} (digits and capital letters only)`,
        { invalid: bad },
      ),
    );
    return { ok: false, normalised, errors, expectedCheckChar: null };
  }
  const expected = computeOrganisationCodeCheckChar(normalised.slice(0, 8));
  const actual = normalised.charAt(8);
  if (expected !== actual) {
    errors.push(
      domainError(
        'organisationCodeCheckChar',
        `组织机构代码校验码错误：应为 ${expected}，实际为 ${actual}`,
        `Wrong organisation-code check character: expected ${expected}, got ${actual}`,
        { expected, actual },
      ),
    );
  }
  return { ok: errors.length === 0, normalised, errors, expectedCheckChar: expected };
}

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Whether an 18-character string also reads as a resident ID number (居民身份证号码, GB 11643):
 * 17 digits, a plausible birth date in positions 7–14 and a valid MOD 11-2 check. Such strings can
 * pass the USCC check too (hutool #1367), so the field context must decide.
 */
export function looksLikeResidentId(code: string): boolean {
  if (!/^\d{17}[\dX]$/.test(code)) return false;
  const year = Number(code.slice(6, 10));
  const month = Number(code.slice(10, 12));
  const day = Number(code.slice(12, 14));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(code.charAt(i)) * (RESIDENT_ID_WEIGHTS[i] ?? 0);
  return '10X98765432'.charAt(sum % 11) === code.charAt(17);
}

/**
 * Validates a 统一社会信用代码 (GB 32100-2015) after normalising it (trim and inner whitespace,
 * full-width → half-width, upper case).
 *
 * Errors (block): `usccEmpty`, `usccLength` (≠ 18), `usccCharset` (outside the 31 characters),
 * `usccRegionFormat` (positions 3–8 not digits), `usccCheckChar` (wrong position 18; overridable
 * by an editor, see {@link UsccValidationOptions.acceptCheckCharFailure}).
 * Warnings (pass): `organisationCodeCheckChar` (the embedded 组织机构代码 fails GB 11714; legacy
 * codes), `usccRegistrationAuthority` / `usccOrganisationType` (not in the §5.1 tables),
 * `usccRegionUnknown`, `usccLooksLikeResidentId`, and `usccCheckChar` when accepted by an editor.
 */
export function validateUscc(code: string, options: UsccValidationOptions = {}): UsccValidation {
  const normalised = normaliseCode(code);
  const errors: DomainError[] = [];
  const warnings: DomainError[] = [];
  if (normalised.length === 0) {
    errors.push(domainError('usccEmpty', '统一社会信用代码为空', 'The USCC is empty'));
    return { ok: false, normalised, errors, warnings, parts: null };
  }
  if (normalised.length !== 18) {
    errors.push(
      domainError(
        'usccLength',
        `统一社会信用代码应为 18 位，实际 ${normalised.length} 位${
          normalised.length === 15 ? '（15 位可能是旧的工商注册号，请填入“原注册号”）' : ''
        }`,
        `A USCC has 18 characters, got ${normalised.length}${
          normalised.length === 15 ? ' (15 digits may be a pre-2015 registration number)' : ''
        }`,
        { length: normalised.length },
      ),
    );
  }
  const bad = [...new Set([...normalised].filter((c) => !USCC_CHARSET.includes(c)))];
  if (bad.length > 0) {
    errors.push(
      domainError(
        'usccCharset',
        `统一社会信用代码含非法字符：${bad.join(' ')}（不使用 I、O、S、V、Z 及其他符号）`,
        `The USCC contains invalid characters: ${bad.join(' ')} (I, O, S, V, Z and symbols are never used)`,
        { invalid: bad },
      ),
    );
  }
  if (normalised.length !== 18) return { ok: false, normalised, errors, warnings, parts: null };

  const parts: UsccParts = {
    registrationAuthority: normalised.charAt(0),
    organisationType: normalised.charAt(1),
    regionCode: normalised.slice(2, 8),
    organisationCode: normalised.slice(8, 17),
    checkChar: normalised.charAt(17),
  };
  if (!/^\d{6}$/.test(parts.regionCode)) {
    errors.push(
      domainError(
        'usccRegionFormat',
        `统一社会信用代码第 3–8 位（行政区划码）应为数字，实际为 ${parts.regionCode}`,
        `USCC positions 3–8 (region code) must be digits, got ${parts.regionCode}`,
        { regionCode: parts.regionCode },
      ),
    );
  }
  if (bad.length > 0) return { ok: false, normalised, errors, warnings, parts };

  const expected = computeUsccCheckChar(normalised.slice(0, 17));
  if (expected !== parts.checkChar) {
    const issue = domainError(
      'usccCheckChar',
      `统一社会信用代码校验码错误：第 18 位应为 ${expected}，实际为 ${parts.checkChar}。若核实为真实代码（如 2016 年前部分地区发放的代码），可由编辑注明理由后放行`,
      `Wrong USCC check character: position 18 should be ${expected}, got ${parts.checkChar}. If this is a verified real code (some pre-2016 codes fail), an editor may accept it with a reason`,
      { expected, actual: parts.checkChar, overridable: true },
    );
    (options.acceptCheckCharFailure ? warnings : errors).push(issue);
  }

  const authority = USCC_REGISTRATION_AUTHORITIES[parts.registrationAuthority];
  if (!authority) {
    warnings.push(
      domainError(
        'usccRegistrationAuthority',
        `第 1 位登记管理部门代码 ${parts.registrationAuthority} 不在国标列表中（1–9、A、N、Y）`,
        `Position 1 (registration authority) ${parts.registrationAuthority} is not in the standard list (1–9, A, N, Y)`,
        { registrationAuthority: parts.registrationAuthority },
      ),
    );
  } else if (!(parts.organisationType in authority.types)) {
    warnings.push(
      domainError(
        'usccOrganisationType',
        `第 2 位机构类别 ${parts.organisationType} 不属于登记管理部门“${authority.zh}”`,
        `Position 2 (organisation type) ${parts.organisationType} is not issued by registration authority ${parts.registrationAuthority} (${authority.en})`,
        {
          registrationAuthority: parts.registrationAuthority,
          organisationType: parts.organisationType,
        },
      ),
    );
  }

  const org = validateOrganisationCode(parts.organisationCode);
  if (!org.ok) {
    warnings.push(
      domainError(
        'organisationCodeCheckChar',
        `内嵌的组织机构代码 ${parts.organisationCode} 校验码不符（应为 ${org.expectedCheckChar}），可能是历史代码；请核实`,
        `The embedded organisation code ${parts.organisationCode} fails its check (expected ${org.expectedCheckChar}); it may be a legacy code, please verify`,
        { expected: org.expectedCheckChar, actual: parts.organisationCode.charAt(8) },
      ),
    );
  }

  if (/^\d{6}$/.test(parts.regionCode) && options.isKnownRegionCode?.(parts.regionCode) === false) {
    warnings.push(
      domainError(
        'usccRegionUnknown',
        `第 3–8 位行政区划码 ${parts.regionCode} 不是已知的区划代码（含已撤销代码）`,
        `Positions 3–8 (${parts.regionCode}) are not a known GB/T 2260 code, current or retired`,
        { regionCode: parts.regionCode },
      ),
    );
  }

  if (looksLikeResidentId(normalised)) {
    warnings.push(
      domainError(
        'usccLooksLikeResidentId',
        '该代码同时符合居民身份证号码的格式和校验，请确认填写的是统一社会信用代码',
        'This code is also a well-formed resident ID number; confirm it is a USCC',
      ),
    );
  }

  return { ok: errors.length === 0, normalised, errors, warnings, parts };
}

/** Whether `code` is a valid USCC (no errors; warnings allowed). */
export function isUscc(code: string): boolean {
  return validateUscc(code).ok;
}
