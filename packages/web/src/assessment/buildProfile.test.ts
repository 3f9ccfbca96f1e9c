import { describe, expect, test } from 'vitest';
import { buildProfile, withoutBlanks } from './buildProfile.ts';

describe('buildProfile (form values → enterprise profile)', () => {
  test('blank inputs are absent (unknown), zero and false are kept as values', () => {
    expect(withoutBlanks({ a: '', b: null, c: 0, d: false, e: { f: undefined } })).toEqual({
      c: 0,
      d: false,
    });
  });

  test('year columns get accounting years latest first; empty columns are dropped', () => {
    const profile = buildProfile(
      {
        name: ' 示例企业 ',
        taxation: { residentEnterprise: true, auditCollection: undefined },
        years: [{ rdExpense: 180, salesRevenue: 4000 }, { rdExpense: 150 }, { rdExpense: null }],
        ip: [{ id: 'ZL1', type: 'invention' }, undefined],
      },
      2025,
    );
    expect(profile).toEqual({
      name: '示例企业',
      taxation: { residentEnterprise: true },
      years: [
        { year: 2025, rdExpense: 180, salesRevenue: 4000 },
        { year: 2024, rdExpense: 150 },
      ],
      ip: [{ id: 'ZL1', type: 'invention' }],
    });
  });
});
