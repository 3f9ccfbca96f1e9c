import { describe, expect, test } from 'vitest';
import { isIsoDate, isWithinPeriod } from './dates.ts';
import {
  codesOf,
  labelOf,
  PATENT_TYPES,
  PLATFORM_KINDS,
  QUALIFICATION_KINDS,
  ROLES,
  TECH_CONTRACT_TYPES,
} from './enums.ts';

describe('code lists', () => {
  test('codes are unique within each list and every label is bilingual', () => {
    for (const list of [PLATFORM_KINDS, QUALIFICATION_KINDS, ROLES, TECH_CONTRACT_TYPES]) {
      const codes = codesOf(list);
      expect(new Set(codes).size).toBe(codes.length);
      for (const e of list) expect(e.zh.length * e.en.length).toBeGreaterThan(0);
    }
  });

  test('the ten platform kinds of chongqing.md §5 and five contract types of §7.2', () => {
    expect(PLATFORM_KINDS).toHaveLength(10);
    expect(TECH_CONTRACT_TYPES.map((t) => t.zh)).toEqual([
      '技术开发',
      '技术转让',
      '技术许可',
      '技术咨询',
      '技术服务',
    ]);
  });

  test('validity rules: 高企 and MIIT tiers 3 years, 科技型 annual', () => {
    const rule = (code: string) => QUALIFICATION_KINDS.find((k) => k.code === code)?.validity;
    expect(rule('highTechEnterprise')).toMatchObject({ kind: 'fixedTerm', years: 3 });
    expect(rule('littleGiant')).toMatchObject({ kind: 'fixedTerm', years: 3 });
    expect(rule('techSme')?.kind).toBe('annual');
    expect(rule('chongqingTechEnterprise')?.kind).toBe('annual');
  });

  test('labelOf', () => {
    expect(labelOf(PATENT_TYPES, 'utilityModel')).toEqual({
      zh: '实用新型专利',
      en: 'Utility model',
    });
    expect(labelOf(ROLES, 'nobody')).toBeUndefined();
  });
});

describe('dates', () => {
  test('calendar validity including leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });

  test('periods are half-open [validFrom, validTo)', () => {
    expect(isWithinPeriod('2025-11-05', null, '2025-11-06')).toBe(true);
    expect(isWithinPeriod('2025-11-06', null, '2025-11-06')).toBe(false);
    expect(isWithinPeriod('2025-11-06', '2025-11-06', null)).toBe(true);
  });
});
