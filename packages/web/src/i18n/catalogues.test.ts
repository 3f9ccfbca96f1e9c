import { describe, expect, test } from 'vitest';
import { en } from './en.ts';
import { interpolate } from './interpolate.ts';
import { zh } from './zh.ts';

describe('message catalogues', () => {
  test('zh and en have the same keys and no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  test('each message uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(names(en[key]), key).toEqual(names(zh[key]));
    }
  });

  test('no untranslated English in the Chinese catalogue: only the switch (“English”)', () => {
    const latinOnly = Object.entries(zh).filter(([, s]) => {
      const text = s.replace(/\{\w+\}/g, '');
      return /[A-Za-z]/.test(text) && !/[\u4e00-\u9fff]/.test(text);
    });
    expect(latinOnly.map(([k]) => k)).toEqual(['lang.switch']);
  });

  test('interpolate fills {name} and leaves unknown placeholders visible', () => {
    expect(interpolate('全市第 {rank} 位（共 {of} 个）', { rank: 3, of: 38 })).toBe(
      '全市第 3 位（共 38 个）',
    );
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
