import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { DomainValidationError } from './errors.ts';
import { parseRecord, parseRecordOrThrow } from './parseRecord.ts';
import {
  achievementSchema,
  enterpriseSchema,
  enterpriseYearFiguresSchema,
  indicatorValueSchema,
  patentSchema,
  platformSchema,
  projectSchema,
  qualificationSchema,
  regionSchema,
  roleAssignmentSchema,
  talentSchema,
  targetSchema,
  techContractSchema,
} from './schemas.ts';
import { computeUsccCheckChar } from './uscc.ts';

const USCC = '91500112MA5U00011J';
const LIANGJIANG = 'LJXQ-2025';

function errorCodes(schema: z.ZodType, input: unknown): string[] {
  const r = parseRecord(schema, input);
  return r.ok ? [] : r.errors.map((e) => e.code);
}

describe('enterprise', () => {
  const valid = { uscc: ' 91500112ma5u00011j ', name: '示例科技有限公司', region: '500112' };

  test('valid: the USCC is normalised and warnings pass through', () => {
    const r = parseRecordOrThrow(enterpriseSchema, valid);
    expect(r.uscc).toBe(USCC);
    expect(r.usccWarnings).toEqual([]);
  });

  test('invalid: a wrong check character fails with the bilingual USCC error', () => {
    const r = parseRecord(enterpriseSchema, { ...valid, uscc: '914403001922038217' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({
      code: 'usccCheckChar',
      details: { path: 'uscc', expected: '6' },
    });
    expect(r.errors[0]?.message.zh).toContain('校验码');
  });

  test('an editor override turns the check-character failure into a warning', () => {
    const r = parseRecordOrThrow(enterpriseSchema, {
      ...valid,
      uscc: '91350203M0001QKT19',
      usccOverride: { reason: '经国家企业信用信息公示系统核实' },
    });
    expect(r.usccWarnings.map((w) => w.code)).toContain('usccCheckChar');
  });

  test('a legacy organisation-code failure is a warning flag, not a failure', () => {
    const first17 = '91500112MA5U00012';
    const r = parseRecordOrThrow(enterpriseSchema, {
      ...valid,
      uscc: first17 + computeUsccCheckChar(first17),
    });
    expect(r.usccWarnings.map((w) => w.code)).toEqual(['organisationCodeCheckChar']);
  });

  test('a Chongqing registrar code that does not exist is a warning (500199)', () => {
    const first17 = '91500199MA5U00011';
    const r = parseRecordOrThrow(enterpriseSchema, {
      ...valid,
      uscc: first17 + computeUsccCheckChar(first17),
    });
    expect(r.usccWarnings.map((w) => w.code)).toEqual(['usccRegionUnknown']);
  });

  test('missing fields are reported in both languages', () => {
    const r = parseRecord(enterpriseSchema, { uscc: USCC });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.details?.path)).toEqual(['name', 'region']);
    expect(r.errors[0]?.message).toEqual({ zh: 'name：必填', en: 'name: Required' });
  });
});

describe('enterprise yearly figures', () => {
  const valid = {
    uscc: USCC,
    year: 2024,
    salesRevenue: 4800,
    totalRevenue: 5000,
    nonTaxableRevenue: 0,
    highTechRevenue: 3200,
    rdExpense: 260,
    rdExpenseDomestic: 260,
    rdExpenseByCategory: { personnel: 180, directInputs: 60, other: 20 },
    totalStaff: 85.5,
    stStaff: 14.25,
    netAssets: -12,
    totalAssets: 3100,
    ipClass1Count: 1,
    ipClass2Count: 6,
    conversionsCount: 3,
  };
  test('valid (0 is a value; negative net assets allowed)', () => {
    expect(parseRecord(enterpriseYearFiguresSchema, valid).ok).toBe(true);
  });
  test('invalid: domestic R&D above total, S&T staff above total; a fractional IP count', () => {
    expect(
      errorCodes(enterpriseYearFiguresSchema, { ...valid, rdExpenseDomestic: 300, stStaff: 90 }),
    ).toEqual(['domesticRdExceedsTotal', 'stStaffExceedsTotal']);
    expect(errorCodes(enterpriseYearFiguresSchema, { ...valid, ipClass1Count: 1.5 })).toEqual([
      'zod.invalid_type',
    ]);
  });
});

describe('qualification', () => {
  const valid = {
    kind: 'highTechEnterprise',
    uscc: USCC,
    number: 'GR202351100123',
    issuer: '重庆市科学技术局',
    issueDate: '2023-11-20',
    expiryDate: '2026-11-19',
    status: 'valid',
  };
  test('valid', () => expect(parseRecord(qualificationSchema, valid).ok).toBe(true));
  test('invalid: expiry before issue; annual kinds need an evaluation year', () => {
    expect(errorCodes(qualificationSchema, { ...valid, expiryDate: '2022-01-01' })).toEqual([
      'expiryBeforeIssue',
    ]);
    expect(errorCodes(qualificationSchema, { ...valid, kind: 'techSme' })).toEqual([
      'evaluationYearRequired',
    ]);
    expect(errorCodes(qualificationSchema, { ...valid, issueDate: '2023-02-30' })).toEqual([
      'invalidDate',
    ]);
  });
});

describe('platform, talent, patent, achievement', () => {
  test('platform valid / invalid level', () => {
    const p = {
      name: '重庆市某某重点实验室',
      kind: 'keyLaboratory',
      level: 'municipal',
      region: '500106',
      hostName: '重庆大学',
    };
    expect(parseRecord(platformSchema, p).ok).toBe(true);
    expect(errorCodes(platformSchema, { ...p, level: 'provincial' })).toEqual([
      'zod.invalid_value',
    ]);
  });

  test('talent valid / invalid region', () => {
    const t = { name: '张三', category: 'doctorate', region: '500109', year: 2024 };
    expect(parseRecord(talentSchema, t).ok).toBe(true);
    expect(errorCodes(talentSchema, { ...t, region: '510104' })).toEqual(['unknownRegion']);
  });

  test('patent valid (number normalised) / invalid number and dates', () => {
    const p = {
      applicationNumber: 'cn 202310123456.7',
      type: 'invention',
      status: 'granted',
      title: '一种示例装置',
      ownerName: '示例科技有限公司',
      ownerUscc: USCC,
      filingDate: '2023-03-01',
      grantDate: '2024-05-10',
    };
    const r = parseRecord(patentSchema, p);
    expect(r.ok && r.value.applicationNumber).toBe('CN202310123456.7');
    expect(
      errorCodes(patentSchema, { ...p, applicationNumber: '2023101234', grantDate: '2022-01-01' }),
    ).toEqual(['patentNumberFormat', 'grantBeforeFiling']);
  });

  test('achievement: 12-digit registration number', () => {
    const a = {
      registrationNumber: '500202410023',
      title: '示例成果',
      type: 'appliedTechnology',
      firstUnitName: '重庆大学',
      region: '500106',
    };
    expect(parseRecord(achievementSchema, a).ok).toBe(true);
    expect(errorCodes(achievementSchema, { ...a, registrationNumber: '50020241002' })).toEqual([
      'achievementNumberFormat',
    ]);
    expect(errorCodes(achievementSchema, { ...a, registrationNumber: '500002410023' })).toEqual([
      'achievementNumberYear',
    ]);
  });
});

describe('technology contract, project, target, indicator value, role', () => {
  test('technology contract valid (buyer outside Chongqing) / invalid', () => {
    const c = {
      type: 'development',
      amount: 120,
      technologyTransactionAmount: 100,
      sellerRegion: '500106',
      buyerRegion: '510104',
      field: '电子信息',
      signedDate: '2024-07-01',
    };
    expect(parseRecord(techContractSchema, c).ok).toBe(true);
    expect(
      errorCodes(techContractSchema, {
        ...c,
        buyerRegion: '500199',
        technologyTransactionAmount: 130,
      }),
    ).toEqual(['unknownBuyerRegion', 'transactionExceedsAmount']);
  });

  test('project valid / invalid funding', () => {
    const p = {
      title: '揭榜挂帅示例项目',
      level: 'municipal',
      ownerName: '示例科技有限公司',
      region: LIANGJIANG,
      year: 2026,
      funding: { government: 200, selfRaised: 400 },
    };
    expect(parseRecord(projectSchema, p).ok).toBe(true);
    expect(errorCodes(projectSchema, { ...p, funding: { government: -1 } })).toEqual([
      'zod.too_small',
    ]);
  });

  test('target valid (双倍增) / invalid scope', () => {
    const t = {
      scope: { kind: 'group', group: 'centralUrban' },
      indicatorCode: 'highTechEnterprises',
      year: 2027,
      value: 7110,
      comparator: '>',
      document: {
        title: '重庆市科技型企业和高新技术企业“双倍增”行动计划',
        number: '渝府办发〔2023〕26号',
      },
    };
    const r = parseRecord(targetSchema, t);
    expect(r.ok).toBe(true);
    expect(errorCodes(targetSchema, { ...t, scope: { kind: 'group', group: '主城' } })).toEqual([
      'zod.invalid_value',
    ]);
  });

  test('indicator value: exactly one of source URL and synthetic', () => {
    const v = {
      region: '500000',
      year: 2023,
      indicator: 'rdIntensity',
      value: 2.45,
      unit: '%',
      synthetic: true,
      edition: 'demo',
    };
    expect(parseRecord(indicatorValueSchema, v).ok).toBe(true);
    expect(parseRecord(indicatorValueSchema, { ...v, region: 'wansheng-zone' }).ok).toBe(true);
    expect(errorCodes(indicatorValueSchema, { ...v, sourceUrl: 'https://tjj.cq.gov.cn/' })).toEqual(
      ['sourceOrSynthetic'],
    );
    expect(errorCodes(indicatorValueSchema, { ...v, synthetic: undefined })).toEqual([
      'sourceOrSynthetic',
    ]);
  });

  test('role assignment: scoped roles need their scope', () => {
    expect(parseRecord(roleAssignmentSchema, { role: 'districtEditor', region: '500103' }).ok).toBe(
      true,
    );
    expect(errorCodes(roleAssignmentSchema, { role: 'enterpriseUser' })).toEqual([
      'zod.invalid_type',
    ]);
  });

  test('region valid / invalid period', () => {
    const r = {
      code: '500103',
      codeConfirmed: true,
      name: { zh: '渝中区', en: 'Yuzhong District', traditional: '渝中區' },
      aliases: ['渝中'],
      type: '区',
      parent: '500000',
      validFrom: null,
      validTo: null,
      datePrecision: 'day',
      sources: ['https://github.com/modood/Administrative-divisions-of-China'],
    };
    expect(parseRecord(regionSchema, r).ok).toBe(true);
    expect(
      errorCodes(regionSchema, { ...r, validFrom: '2020-01-01', validTo: '2019-01-01' }),
    ).toEqual(['periodOrder']);
  });
});

test('parseRecordOrThrow throws a DomainValidationError with every error', () => {
  expect(() => parseRecordOrThrow(talentSchema, {})).toThrow(DomainValidationError);
});
