/**
 * `kechuang seed --demo`: loads the demo data through the same import path as
 * `kechuang import`: the indicator values of `data/demo/chongqing-sources.csv` (each with its
 * source URL or synthetic flag, edition `demo`) and the synthetic registers of
 * `data/demo/registry/*.csv`, in one all-or-nothing transaction. Re-seeding changes nothing.
 */
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { IMPORT_KINDS, type ImportTable } from '@kechuang/registry';
import { readTable } from '../io/readTable.ts';
import { DEMO_DIR } from './demo.ts';
import { CLI_ACTOR, openRegistry } from './registryDb.ts';
import { type ImportFile, importFiles } from './registryImport.ts';

/** The demo register files, in import order (enterprises before what refers to them). */
export const DEMO_REGISTRY_FILES = [
  ['enterprises', 'enterprises.csv'],
  ['enterpriseFigures', 'enterprise-figures.csv'],
  ['qualifications', 'qualifications.csv'],
  ['platforms', 'platforms.csv'],
  ['talents', 'talents.csv'],
  ['patents', 'patents.csv'],
  ['achievements', 'achievements.csv'],
  ['contracts', 'contracts.csv'],
  ['projects', 'projects.csv'],
  ['targets', 'targets.csv'],
] as const;

/** Edition of the demo indicator values. */
export const DEMO_EDITION = 'demo';

/** The demo's per-value sources as `indicators` rows (unit from iMeta's RawUnit / Unit). */
export async function demoIndicatorTable(dir = DEMO_DIR): Promise<ImportTable> {
  const [sources, meta] = await Promise.all([
    readTable(join(dir, 'chongqing-sources.csv'), { strictEncoding: true }),
    readTable(join(dir, 'chongqing-iMeta.csv')),
  ]);
  const units = new Map<string, string>();
  for (const m of meta.rows) {
    const unit = String(m.RawUnit ?? '') || String(m.Unit ?? '');
    units.set(String(m.iCode), unit);
  }
  units.set('Population', '万人');
  units.set('GDP', '亿元');
  const header = ['区县', '年度', '指标代码', '数值', '单位', '来源', '合成数据', '版本'];
  return {
    header,
    rowNumbers: sources.rowNumbers,
    rows: sources.rows.map((r) => ({
      区县: r.uCode,
      年度: r.Time,
      指标代码: r.iCode,
      数值: r.value,
      单位: units.get(String(r.iCode)) ?? null,
      来源: r.source,
      合成数据: r.synthetic,
      版本: DEMO_EDITION,
    })),
  };
}

/** `kechuang seed --demo`; returns lines to print. */
export async function seedDemoCommand(
  env: Record<string, string | undefined>,
  options: { dir?: string; progress?: Writable } = {},
): Promise<string[]> {
  const dir = options.dir ?? DEMO_DIR;
  const files: ImportFile[] = [
    {
      kind: IMPORT_KINDS.indicators,
      file: join(dir, 'chongqing-sources.csv'),
      table: await demoIndicatorTable(dir),
    },
    ...DEMO_REGISTRY_FILES.map(([kind, name]) => ({
      kind: IMPORT_KINDS[kind],
      file: join(dir, 'registry', name),
    })),
  ];
  const registry = await openRegistry(env);
  try {
    const { lines } = await importFiles(registry.db, files, { progress: options.progress });
    return [
      ...lines,
      `示例数据已载入 ${registry.location}（操作者 ${CLI_ACTOR.name}，市级管理员）/ demo data loaded into ${registry.location} (as ${CLI_ACTOR.name}, city administrator)`,
    ];
  } finally {
    await registry.close();
  }
}
