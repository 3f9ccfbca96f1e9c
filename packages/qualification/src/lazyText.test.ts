import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { assess } from './assess.ts';
import { highTechEnterpriseRuleSet } from './highTechEnterprise.ts';
import { LazyText, textTemplate } from './lazyText.ts';
import { parseProfile } from './profile.ts';
import { RULE_SETS } from './ruleSets.ts';

const AS_OF = '2025-06-01';
const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const FILES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort();
const input = (name: string) =>
  JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Record<string, unknown>;

/** A plain copy with every text rendered by reading its getters (no `toJSON`, no JSON). */
function eager(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(eager);
  if (value instanceof LazyText) return { zh: value.zh, en: value.en };
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = eager(v);
  return out;
}

/** Changes every field of every unfrozen object reachable from `value` (frozen ones are shared). */
function scribble(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Object.isFrozen(value)) return;
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (typeof v === 'number') o[k] = -v - 1;
    else if (typeof v === 'string') o[k] = `${v}✗`;
    else if (typeof v === 'boolean') o[k] = !v;
    else scribble(v, seen);
  }
}

describe('lazy texts', () => {
  test('JSON of every example assessment (every rule set) equals its eagerly rendered copy', () => {
    let lazy = 0;
    for (const f of FILES) {
      const profile = parseProfile(input(f));
      for (const r of RULE_SETS) {
        const a = assess(profile, r, { asOf: AS_OF });
        expect(JSON.parse(JSON.stringify(a)), `${f} ${r.id}`).toStrictEqual(eager(a));
        for (const c of a.criteria) {
          expect(c.detail.zh, `${f} ${c.id}`).toMatch(/\S/);
          expect(c.detail.en, `${f} ${c.id}`).toMatch(/\S/);
          if (c.detail instanceof LazyText) lazy++;
          // Not lazy: a static text or one of a shared result (resultCache.ts), rendered once.
          else if (r.kind === 'highTechEnterprise')
            expect(Object.isFrozen(c.detail), `${f} ${c.id}`).toBe(true);
        }
      }
    }
    // The 高企 details of each firm's own figures (S&T staff, R&D ratio, domestic share, HTPS share,
    // two growth items) are lazy in all five examples, so the check above compared renders.
    expect(lazy).toBeGreaterThanOrEqual(5 * 6);
  });

  test('高企 assessments of the examples serialise exactly as the eager implementation did (fixture from c2b7809)', () => {
    const expected = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', 'test', 'fixtures', 'high-tech-examples.eager.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
    expect(Object.keys(expected)).toEqual(FILES);
    for (const f of FILES) {
      const a = assess(parseProfile(input(f)), highTechEnterpriseRuleSet(), { asOf: AS_OF });
      expect(JSON.stringify(a), f).toBe(JSON.stringify(expected[f]));
    }
  });

  test('texts of two assessments share no mutable state, and later changes to the profile do not reach them', () => {
    const rules = highTechEnterpriseRuleSet();
    const gapInput = input('high-tech-rd-gap.json');
    const profileA = parseProfile(gapInput);
    const profileB = parseProfile(gapInput);
    const a = assess(profileA, rules, { asOf: AS_OF });
    const b = assess(profileB, rules, { asOf: AS_OF });
    const before = JSON.stringify(b);
    expect(JSON.stringify(a)).toBe(before);

    // Each profile-dependent text is its own object.
    for (let i = 0; i < a.criteria.length; i++) {
      const x = a.criteria[i];
      const y = b.criteria[i];
      if (x?.detail instanceof LazyText) expect(x.detail).not.toBe(y?.detail);
      if (x?.gap?.text instanceof LazyText) expect(x.gap.text).not.toBe(y?.gap?.text);
    }
    // Changing A's profile afterwards changes none of A's texts (they hold copies of the figures).
    const aBefore = JSON.stringify(a);
    scribble(profileA);
    expect(JSON.stringify(a)).toBe(aBefore);
    // Scribbling over everything mutable in A leaves B as it was; what A shares is frozen.
    scribble(a);
    expect(JSON.stringify(a)).not.toBe(aBefore);
    expect(JSON.stringify(b)).toBe(before);
    for (const c of b.criteria) {
      expect(Object.isFrozen(c.text), c.id).toBe(true);
      expect(Object.isFrozen(c.source), c.id).toBe(true);
    }
  });

  test('the R&D gap reads the same before and after serialisation, and again on every read', () => {
    const a = assess(parseProfile(input('high-tech-rd-gap.json')), highTechEnterpriseRuleSet(), {
      asOf: AS_OF,
    });
    const c = a.criteria.find((x) => x.id === 'HT-C5-rdRatio');
    const first = c?.gap?.text.zh;
    expect(first).toBe('研发费用占比 4.8%，需达到 5%：三年合计还需增加研发投入 ¥26.8 万');
    expect(JSON.parse(JSON.stringify(c)).gap.text.zh).toBe(first);
    expect(c?.gap?.text.zh).toBe(first);
  });

  test('LazyText: getters render each language, toJSON gives the plain pair, inspect shows the texts', () => {
    const t = new LazyText(
      textTemplate<{ n: number }>(
        (a) => `还差 ${a.n} 人`,
        (a) => `${a.n} short`,
      ),
      { n: 3 },
    );
    expect([t.zh, t.en]).toEqual(['还差 3 人', '3 short']);
    expect(t.toJSON()).toStrictEqual({ zh: '还差 3 人', en: '3 short' });
    expect(JSON.stringify({ t })).toBe('{"t":{"zh":"还差 3 人","en":"3 short"}}');
    expect(inspect(t)).toContain('还差 3 人');
    expect(Object.keys(t)).toEqual([]);
  });
});
