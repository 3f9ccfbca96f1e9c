import { describe, expect, test } from 'vitest';
import {
  formatChange,
  formatNumber,
  formatRatio,
  formatScore,
  formatWanYuan,
} from './formatNumber.ts';

describe('formatNumber (万/亿 in Chinese, K/M/B in English)', () => {
  test('12345 → 1.23万 / 12.3K; 42989 科技型企业 → 4.3万', () => {
    expect(formatNumber(12345, 'zh')).toBe('1.23万');
    expect(formatNumber(12345, 'en')).toBe('12.3K');
    expect(formatNumber(42989, 'zh', 1)).toBe('4.3万');
  });
  test('亿 is the top unit: 30145.7亿 (city GDP in yuan), not 3.01万亿', () => {
    expect(formatNumber(3.01457e12, 'zh')).toBe('30,145.7亿');
    expect(formatNumber(3.2e8, 'en')).toBe('320M');
  });
  test('small values keep their digits with grouping; negatives keep the sign', () => {
    expect(formatNumber(9999, 'zh')).toBe('9,999');
    expect(formatNumber(583, 'en')).toBe('583');
    expect(formatNumber(-25000, 'zh')).toBe('-2.5万');
  });
  test('missing values are a dash', () => {
    expect(formatNumber(null, 'zh')).toBe('—');
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
  });
});

describe('amounts, ratios, scores and changes', () => {
  test('52000 万元 → 5.2亿元; 630 万元 stays 万元; English in yuan', () => {
    expect(formatWanYuan(52000, 'zh')).toBe('5.2亿元');
    expect(formatWanYuan(630, 'zh')).toBe('630万元');
    expect(formatWanYuan(52000, 'en')).toBe('520M yuan');
  });
  test('0.0236 → 2.4%; scores keep two decimals; changes are signed', () => {
    expect(formatRatio(0.0236)).toBe('2.4%');
    expect(formatScore(70.7)).toBe('70.70');
    expect(formatScore(71.59, 2, true)).toBe('71.59%');
    expect(formatChange(3.38)).toBe('+3.38');
    expect(formatChange(-1.69)).toBe('-1.69');
    expect(formatChange(0.001)).toBe('0.00');
    expect(formatChange(null)).toBe('—');
  });
});
