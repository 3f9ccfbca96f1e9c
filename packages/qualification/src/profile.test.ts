import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseInput } from '../test/makeProfile.ts';
import { findHighTechField, HIGH_TECH_FIELDS, isHighTechFieldCode } from './highTechFields.ts';
import { fieldLabel, PROFILE_JSON_SCHEMA, ProfileError, parseProfile } from './profile.ts';

const SCHEMA_FILE = join(import.meta.dirname, '..', 'schema', 'enterprise-profile.schema.json');

function issuesOf(input: unknown): ProfileError['issues'] {
  try {
    parseProfile(input);
  } catch (e) {
    if (e instanceof ProfileError) return e.issues;
    throw e;
  }
  return [];
}

describe('JSON Schema of the profile', () => {
  test('the committed schema file equals z.toJSONSchema output (regenerate: npx tsx packages/qualification/schema/generate.ts)', () => {
    const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(PROFILE_JSON_SCHEMA)));
  });

  test('fields carry titles in Chinese and English', () => {
    const props = PROFILE_JSON_SCHEMA.properties as Record<string, { title?: string }>;
    expect(PROFILE_JSON_SCHEMA.title).toBe(
      '企业画像（资质预评估输入） / Enterprise profile (input of the qualification pre-assessment)',
    );
    expect(props.registrationDate?.title).toBe('注册成立日期 / Registration date');
    for (const [key, p] of Object.entries(props)) expect(p.title, key).toMatch(/ \/ /);
  });
});

describe('parseProfile', () => {
  test('a valid profile parses, with defaults applied and years sorted', () => {
    const input = baseInput();
    input.years.reverse();
    const p = parseProfile(input);
    expect(p.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(p.incidents).toEqual([]);
    expect(p.ip[0]?.usedInEarlierHteApplication).toBe(false);
  });

  test('every issue is listed, each naming the field path in Chinese and English', () => {
    const input = baseInput() as Record<string, unknown>;
    input.uscc = '914403001922038217';
    input.registrationDate = '2020-02-30';
    input.name = '';
    (input.years as Record<string, unknown>[])[1] = { year: 2022, salesRevenue: -5 };
    const issues = issuesOf(input);
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(Object.keys(byPath).sort()).toEqual(
      ['name', 'registrationDate', 'uscc', 'years[1].salesRevenue', 'years[1].year'].sort(),
    );
    expect(byPath.uscc?.code).toBe('usccCheckChar');
    expect(byPath['years[1].salesRevenue']?.message.zh).toContain('年度数据 › 第 2 项 › 销售收入');
    expect(byPath['years[1].salesRevenue']?.message.en).toContain(
      'Yearly figures › item 2 › Sales revenue',
    );
    expect(byPath['years[1].year']?.code).toBe('duplicateYear');
    expect(byPath.registrationDate?.message.en).toContain('YYYY-MM-DD');
  });

  test('a missing required field is named', () => {
    const input = baseInput() as Record<string, unknown>;
    delete input.registrationDate;
    const [issue] = issuesOf(input);
    expect(issue?.path).toBe('registrationDate');
    expect(issue?.message.zh).toContain('注册成立日期');
    expect(issue?.message.zh).toContain('必填');
  });

  test('domestic R&D above the total and S&T staff above the total staff are rejected', () => {
    const input = baseInput();
    const y = input.years[0];
    if (y) {
      y.rdExpenseDomestic = 1000;
      y.stStaff = 101;
    }
    expect(issuesOf(input).map((i) => i.code)).toEqual([
      'domesticRdExceedsTotal',
      'stStaffExceedsTotal',
    ]);
  });

  test('field labels walk optional and array wrappers', () => {
    expect(fieldLabel(['ip', 0, 'grantDate'])).toEqual({
      zh: '知识产权 › 第 1 项 › 授权（登记）日期',
      en: 'Intellectual property › item 1 › Grant or registration date',
    });
  });
});

describe('HT-03 high-tech field codes', () => {
  test('HT-03: 8 top-level and their second-level codes are known; 5-digit codes resolve to their parent', () => {
    expect(HIGH_TECH_FIELDS.filter((f) => f.parent === null)).toHaveLength(8);
    expect(HIGH_TECH_FIELDS).toHaveLength(8 + 52);
    expect(findHighTechField('101')?.zh).toBe('软件');
    expect(findHighTechField('809')?.zh).toBe('传统文化产业改造技术');
    expect(findHighTechField('10101')?.code).toBe('101');
    expect(isHighTechFieldCode('80')).toBe(true);
  });

  test('HT-03: an unknown code (90, 109, 810, 10100) is invalid input', () => {
    for (const code of ['90', '109', '810', '10100', '1']) {
      expect(isHighTechFieldCode(code), code).toBe(false);
      const input = baseInput();
      input.highTechField = code;
      expect(issuesOf(input).map((i) => i.code)).toEqual(['unknownHighTechField']);
    }
  });
});
