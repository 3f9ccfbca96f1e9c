/**
 * `kechuang assess <rule-set> --input profile.json [--as-of D] [--format json|table]` assesses one
 * enterprise profile; `kechuang assess <rule-set> --all [--region CODE] [--as-of D] --out
 * candidates.xlsx` assesses every enterprise in the registry, stores the run and writes the
 * candidate list, expiring certificates and missing yearly registrations.
 */
import { readFile } from 'node:fs/promises';
import { isIsoDate, QUALIFICATION_KINDS } from '@kechuang/domain';
import {
  type Assessment,
  assess,
  type CriterionResult,
  ProfileError,
  parseProfile,
  RULE_SETS,
  type RuleSet,
  ruleSetNamed,
} from '@kechuang/qualification';
import {
  assessRegistry,
  expiringQualifications,
  missingAnnualUpdates,
  readCandidates,
} from '@kechuang/registry';
import { CliInputError, fileError } from '../errors.ts';
import { renderTable } from '../io/textTable.ts';
import { CLI_ACTOR, openRegistry } from './registryDb.ts';
import { writeSheets } from './registryImport.ts';

type Env = Record<string, string | undefined>;

/** Options of `kechuang assess`. */
export type AssessCommandOptions = {
  input?: string;
  all?: boolean;
  region?: string;
  asOf?: string;
  format?: 'json' | 'table';
  out?: string;
};

const OUTCOME = {
  pass: '通过 / pass',
  fail: '未通过 / fail',
  needsReview: '待复核 / needs review',
} as const;

const CRITERION_OUTCOME = {
  met: '符合',
  unmet: '不符合',
  needsReview: '待复核',
  notApplicable: '不适用',
} as const;

/** The local date `YYYY-MM-DD` (the CLI may read the clock; the rules never do). */
function today(): string {
  const d = new Date();
  const z = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${z(d.getMonth() + 1)}-${z(d.getDate())}`;
}

/**
 * A rule set named by its kind (`highTechEnterprise`), its Chinese name (`高新技术企业`) or its
 * id (`highTechEnterprise-2016`); a kind picks the version in force on `asOf`.
 */
export function ruleSetArgument(name: string, asOf: string): RuleSet {
  // A Chinese name stands for its kind code.
  const kind = QUALIFICATION_KINDS.find((k) => k.zh === name)?.code ?? name;
  let found: RuleSet | undefined;
  try {
    found = ruleSetNamed(kind, asOf);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new CliInputError([
      {
        column: '--as-of',
        zh: `${asOf} 没有适用的“${name}”规则`,
        en: `no "${name}" rule set is in force on ${asOf}`,
      },
    ]);
  }
  if (found) return found;
  const known = [...new Set(RULE_SETS.map((r) => r.kind))].join(', ');
  throw new CliInputError([
    {
      zh: `未知的规则集“${name}”（可用：${known}，或规则集编号如 ${RULE_SETS[0]?.id}）`,
      en: `unknown rule set "${name}" (known: ${known}, or a rule-set id such as ${RULE_SETS[0]?.id})`,
    },
  ]);
}

function checkDate(asOf: string): string {
  if (!isIsoDate(asOf)) {
    throw new CliInputError([
      {
        column: '--as-of',
        zh: `日期“${asOf}”应为 YYYY-MM-DD`,
        en: `date "${asOf}" must be YYYY-MM-DD`,
      },
    ]);
  }
  return asOf;
}

/** Read and validate a profile file; every bad field is named (zh + en). */
async function readProfile(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fileError(file, '文件不存在', 'file not found');
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw fileError(
      file,
      `不是有效的 JSON：${(error as Error).message}`,
      `not valid JSON: ${(error as Error).message}`,
    );
  }
  try {
    return parseProfile(json);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    throw new CliInputError(
      error.issues.map((i) => ({
        file,
        column: i.path,
        zh: i.message.zh,
        en: i.message.en,
      })),
    );
  }
}

function shownValue(c: CriterionResult): string {
  if (c.value === null || c.value === undefined) return '—';
  if (typeof c.value === 'number' && c.unit === 'ratio') return `${(c.value * 100).toFixed(2)}%`;
  if (typeof c.value === 'boolean') return c.value ? '是' : '否';
  if (typeof c.value === 'number') {
    return `${Number(c.value.toFixed(2))}${c.unit === 'code' ? '' : ` ${c.unit}`}`;
  }
  return `${c.value}${c.unit === 'ratio' || c.unit === 'boolean' || c.unit === 'code' ? '' : ` ${c.unit}`}`;
}

function shownThreshold(c: CriterionResult): string {
  if (c.threshold === null || c.threshold === undefined) return '';
  if (typeof c.threshold === 'number' && c.unit === 'ratio')
    return `${(c.threshold * 100).toFixed(0)}%`;
  if (typeof c.threshold === 'boolean') return c.threshold ? '是' : '否';
  return String(c.threshold);
}

/** The assessment as a terminal report: header lines, then one row per criterion. */
export function assessmentTable(a: Assessment, ruleSet: RuleSet): string[] {
  const score = a.score
    ? `，得分 ${a.score.min === a.score.max ? a.score.min : `${a.score.min}–${a.score.max}`}`
    : '';
  const lines = [
    `${a.name}（${a.uscc}）`,
    `${ruleSet.title.zh}（${ruleSet.id}，版本 ${ruleSet.version}）评估日 ${a.asOf}：${OUTCOME[a.outcome]}${score}`,
    `${ruleSet.title.en} (${ruleSet.id}, version ${ruleSet.version}) on ${a.asOf}: ${a.outcome}${a.score ? `, score ${a.score.min}–${a.score.max}` : ''}`,
    '',
  ];
  const rows = a.criteria.map((c) => [
    c.partOf ? `  ${c.id}` : c.id,
    CRITERION_OUTCOME[c.outcome],
    shownValue(c),
    shownThreshold(c),
    c.score
      ? c.score.min === c.score.max
        ? String(c.score.min)
        : `${c.score.min}–${c.score.max}`
      : '',
    c.gap ? c.gap.text.zh : c.needsExpert ? '需专家评判' : '',
    `${c.source.document} ${c.source.article}`,
  ]);
  lines.push(
    ...renderTable(
      [
        { header: '条件 Criterion' },
        { header: '结果' },
        { header: '值 Value', align: 'right' },
        { header: '门槛' },
        { header: '分' },
        { header: '差距 / 说明 Gap' },
        { header: '依据 Source' },
      ],
      rows,
    ),
  );
  for (const alert of a.alerts) lines.push(`! ${alert.message.zh} / ${alert.message.en}`);
  for (const note of a.notes) lines.push(`* ${note.zh} / ${note.en}`);
  return lines;
}

/** `kechuang assess` (see the module comment); returns the lines to print. */
export async function assessCommand(
  env: Env,
  ruleSetName: string,
  options: AssessCommandOptions,
): Promise<string[]> {
  const asOf = checkDate(options.asOf ?? today());
  const ruleSet = ruleSetArgument(ruleSetName, asOf);
  if (options.input && options.all) {
    throw new CliInputError([
      { zh: '--input 与 --all 只能选一个', en: 'use either --input or --all, not both' },
    ]);
  }
  if (options.input) {
    const profile = await readProfile(options.input);
    const result = assess(profile, ruleSet, { asOf });
    return options.format === 'json'
      ? [JSON.stringify(result, null, 2)]
      : assessmentTable(result, ruleSet);
  }
  if (!options.all) {
    throw new CliInputError([
      {
        zh: '请用 --input profile.json 评估一家企业，或用 --all 评估登记库全部企业',
        en: 'pass --input profile.json for one enterprise, or --all for every enterprise in the registry',
      },
    ]);
  }
  if (!options.out) {
    throw new CliInputError([
      {
        column: '--out',
        zh: '--all 需要 --out candidates.xlsx',
        en: '--all needs --out candidates.xlsx',
      },
    ]);
  }
  return assessAll(env, ruleSet, asOf, options.region, options.out);
}

async function assessAll(
  env: Env,
  ruleSet: RuleSet,
  asOf: string,
  region: string | undefined,
  out: string,
): Promise<string[]> {
  const registry = await openRegistry(env);
  try {
    const run = await assessRegistry(registry.db, CLI_ACTOR, ruleSet, { asOf, regionCode: region });
    const candidates = await readCandidates(registry.db, CLI_ACTOR, {
      runId: run.runId,
      regionCode: region,
    });
    const expiring = await expiringQualifications(registry.db, CLI_ACTOR, {
      asOf,
      regionCode: region,
    });
    const missing = await missingAnnualUpdates(registry.db, CLI_ACTOR, {
      year: Number(asOf.slice(0, 4)),
      regionCode: region,
    });
    const kindName = (code: string) => QUALIFICATION_KINDS.find((k) => k.code === code)?.zh ?? code;
    await writeSheets(out, [
      {
        name: '候选名单 Candidates',
        rows: [
          [
            '序号 Rank',
            '统一社会信用代码 USCC',
            '企业名称 Name',
            '区县 Region',
            '结果 Outcome',
            '最低分 Min score',
            '最高分 Max score',
            '总差距 Total gap',
            '差距 Gaps',
            '待复核 Needs review',
          ],
          ...candidates.map((c) => [
            c.rank,
            c.uscc,
            c.name,
            c.regionCode,
            c.outcome === 'fail' ? '未通过 fail' : '待复核 needs review',
            c.scoreMin,
            c.scoreMax,
            Math.round(c.totalGap * 1000) / 1000,
            c.gaps.map((g) => g.zh).join('；'),
            c.needsReview.join(', '),
          ]),
        ],
      },
      {
        name: '即将到期 Expiring',
        rows: [
          [
            '统一社会信用代码 USCC',
            '企业名称 Name',
            '区县 Region',
            '资质 Qualification',
            '证书编号 Number',
            '发证日期 Issued',
            '到期日 Expires',
            '剩余天数 Days left',
            '原因 Reason',
          ],
          ...expiring.map((q) => [
            q.uscc,
            q.name,
            q.regionCode,
            kindName(q.kind),
            q.number,
            q.issuedOn,
            q.expiresOn,
            q.daysLeft,
            q.reason === 'withinDays'
              ? '90 天内到期 within 90 days'
              : '本年内到期 expires this year',
          ]),
        ],
      },
      {
        name: '年度未更新 Not renewed',
        rows: [
          [
            '统一社会信用代码 USCC',
            '企业名称 Name',
            '区县 Region',
            '资质 Qualification',
            '上次入库年度 Last year',
          ],
          ...missing.map((m) => [m.uscc, m.name, m.regionCode, kindName(m.kind), m.lastYear]),
        ],
      },
      {
        name: '说明 Notes',
        rows: [
          ['项目 Item', '内容 Value'],
          ['规则集 Rule set', `${ruleSet.title.zh} / ${ruleSet.title.en}`],
          ['规则集编号与版本 Id and version', `${ruleSet.id} ${ruleSet.version}`],
          ['评估日 Assessment date', asOf],
          ['范围 Scope', run.scopeCode],
          ['评估运行 Run id', run.runId],
          ['依据 Sources', ruleSet.sources.map((s) => `${s.document} ${s.url}`).join('\n')],
          [
            '说明 Note',
            '登记库未记录的事实（纳税、事故、研发管理等）按“待复核”处理；差距按规则门槛计算 / facts the registry lacks are "needs review"; gaps are computed against the rule thresholds',
          ],
        ],
      },
    ]);
    const c = run.counts;
    return [
      `${ruleSet.title.zh}（${ruleSet.id} ${ruleSet.version}）评估日 ${asOf}，范围 ${run.scopeCode}：评估 ${c.assessed} 家，通过 ${c.passed}，待复核 ${c.needsReview}，未通过 ${c.failed}，资料不全 ${c.invalid}；候选 ${candidates.length} 家，即将到期 ${expiring.length} 项，年度未更新 ${missing.length} 项 → ${out}`,
      `${ruleSet.title.en} (${ruleSet.id} ${ruleSet.version}) on ${asOf}, scope ${run.scopeCode}: ${c.assessed} assessed, ${c.passed} pass, ${c.needsReview} needs review, ${c.failed} fail, ${c.invalid} invalid profiles; ${candidates.length} candidates, ${expiring.length} expiring, ${missing.length} not renewed → ${out} (run ${run.runId})`,
    ];
  } finally {
    await registry.close();
  }
}
