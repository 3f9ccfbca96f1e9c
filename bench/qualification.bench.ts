/**
 * Qualification benchmark (`npm run bench qualification`): assess 100,000 generated enterprise
 * profiles against the 高企 rule set on one core; goal ≤ 2 s (issue 4). The profiles come from a
 * seeded generator (mulberry32) so every run assesses the same firms; parsing is timed separately.
 * Details and gaps are lazy texts (rendered when read or serialised) or belong to criterion results
 * shared between firms (frozen, rendered once), so rendering and JSON are timed on their own too. The machine's load average is printed: compare runs at similar load.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { computeUsccCheckChar } from '@kechuang/domain';
import {
  assessMany,
  highTechEnterpriseRuleSet,
  type Profile,
  type ProfileInput,
  parseProfile,
  rankCandidates,
} from '@kechuang/qualification';
import { mulberry32 } from '../scripts/seededRandom.ts';
import type { BenchResult } from './indexEngine.bench.ts';

const AS_OF = '2025-06-01';
const IP_TYPES = ['invention', 'utilityModel', 'softwareCopyright', 'design', 'trademark'] as const;

/** `n` synthetic profiles (JSON input form), reproducible from `seed`. */
export function generateProfiles(n: number, seed = 4): ProfileInput[] {
  const random = mulberry32(seed);
  const between = (a: number, b: number) => a + (b - a) * random();
  const out: ProfileInput[] = [];
  for (let i = 0; i < n; i++) {
    const first17 = `91500112MA${i.toString(36).toUpperCase().padStart(7, '0')}`.replace(
      /[IOSVZ]/g,
      'A',
    );
    const registeredYear = 2010 + Math.floor(random() * 15);
    const years: ProfileInput['years'] = [];
    let sales = between(500, 30000);
    let net = between(-200, 8000);
    for (let y = Math.max(registeredYear, 2021); y <= 2024; y++) {
      sales *= between(0.85, 1.4);
      net *= between(0.9, 1.4);
      const rd = sales * between(0.01, 0.09);
      const staff = Math.round(between(8, 600));
      years.push({
        year: y,
        salesRevenue: sales,
        totalRevenue: sales * 1.02,
        nonTaxableRevenue: sales * 0.01,
        highTechProductRevenue: sales * between(0.3, 0.95),
        rdExpense: rd,
        rdExpenseDomestic: rd * between(0.4, 1),
        ...(random() < 0.7
          ? {
              rdExpenseByCategory: {
                personnel: rd * 0.55,
                directInputs: rd * 0.2,
                externalCommissioned: rd * 0.1,
                other: rd * 0.15,
              },
            }
          : {}),
        totalStaff: staff,
        stStaff: Math.round(staff * between(0.02, 0.4)),
        netAssets: net,
        conversions: Math.floor(between(0, 7)),
      });
    }
    const ipCount = Math.floor(between(0, 8));
    out.push({
      note: 'synthetic benchmark profile',
      uscc: first17 + computeUsccCheckChar(first17),
      name: `合成企业 ${i}`,
      registrationDate: `${registeredYear}-0${1 + Math.floor(random() * 9)}-15`,
      highTechField: '101',
      years,
      ip: Array.from({ length: ipCount }, (_, k) => ({
        id: `IP${i}-${k}`,
        type: IP_TYPES[Math.floor(random() * IP_TYPES.length)] ?? 'invention',
        acquisition: random() < 0.8 ? ('ownRd' as const) : ('purchase' as const),
        grantDate: '2022-03-01',
        usedInEarlierHteApplication: random() < 0.1,
      })),
      incidentScreening: random() < 0.5,
      ...(random() < 0.3
        ? {
            expert: {
              ipCoreSupport: true,
              fieldFit: true,
              technologyAdvancement: 6,
              coreSupport: 6,
            },
          }
        : {}),
    });
  }
  return out;
}

/** Seconds `run` takes, with its result. */
function timed<T>(run: () => T): [T, number] {
  const t0 = performance.now();
  const result = run();
  return [result, (performance.now() - t0) / 1000];
}

export function benchQualification(): BenchResult[] {
  const n = 100_000;
  const inputs = generateProfiles(n);
  const [profiles, parseS] = timed((): Profile[] => inputs.map((p) => parseProfile(p)));
  const rules = highTechEnterpriseRuleSet();
  assessMany(profiles.slice(0, 5000), rules, { asOf: AS_OF });
  // A 10,000-profile slice first (its results dropped), then the full batch, kept as a caller would.
  const slice = profiles.slice(0, 10_000);
  const [, sliceS] = timed(() => assessMany(slice, rules, { asOf: AS_OF }).length);
  const [assessments, assessS] = timed(() => assessMany(profiles, rules, { asOf: AS_OF }));
  const [ranked, rankS] = timed(() => rankCandidates(assessments));
  const counts = { pass: 0, fail: 0, needsReview: 0 };
  for (const a of assessments) counts[a.outcome]++;
  // Texts are rendered on demand: time reading every detail and gap once, and serialising a sample.
  const [chars, renderS] = timed(() => {
    let total = 0;
    for (let i = 0; i < 10_000; i++)
      for (const c of assessments[i]?.criteria ?? [])
        total += c.detail.zh.length + c.detail.en.length + (c.gap ? c.gap.text.zh.length : 0);
    return total;
  });
  const [json, jsonS] = timed(() => JSON.stringify(assessments.slice(0, 10_000)).length);
  console.error(
    `  · outcomes: ${counts.pass} pass, ${counts.needsReview} needsReview, ${counts.fail} fail; ${ranked.length} ranked; ${assessments[0]?.criteria.length} criteria each; ${chars} text characters and ${json} JSON characters for 10,000; load average ${loadavg()[0]?.toFixed(2)}`,
  );
  return [
    {
      name: '高企 assessment of 100,000 generated profiles (one core)',
      value: assessS,
      unit: 's',
      goal: '≤ 2',
    },
    {
      name: '高企 assessment of the first 10,000 of them',
      value: sliceS,
      unit: 's',
      goal: '≤ 0.2',
    },
    {
      name: 'parseProfile of the same 100,000 profiles (zod)',
      value: parseS,
      unit: 's',
      goal: '—',
    },
    {
      name: 'rankCandidates over the 100,000 assessments',
      value: rankS,
      unit: 's',
      goal: '—',
    },
    {
      name: 'rendering every detail (zh + en) and gap (zh) of 10,000 assessments (lazy texts)',
      value: renderS,
      unit: 's',
      goal: '—',
    },
    {
      name: 'JSON.stringify of 10,000 assessments (full texts)',
      value: jsonS,
      unit: 's',
      goal: '—',
    },
  ];
}
