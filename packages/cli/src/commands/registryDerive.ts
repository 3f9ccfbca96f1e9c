/** `kechuang indicators derive --year Y [--to Y2]`: derived indicators from the registry records. */
import { DERIVED_INDICATORS, deriveIndicators } from '@kechuang/registry';
import { CLI_ACTOR, openRegistry } from './registryDb.ts';

export async function deriveCommand(
  env: Record<string, string | undefined>,
  from: number,
  to: number,
): Promise<string[]> {
  const registry = await openRegistry(env);
  try {
    const r = await deriveIndicators(registry.db, CLI_ACTOR, from, to);
    return [
      `派生指标 ${DERIVED_INDICATORS.length} 项，${from}–${to} 年，共 ${r.values} 个值：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}`,
      `${DERIVED_INDICATORS.length} derived indicators, ${from}–${to}: ${r.values} values (${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged)`,
    ];
  } finally {
    await registry.close();
  }
}
