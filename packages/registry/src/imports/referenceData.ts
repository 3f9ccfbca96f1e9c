/**
 * The domain's reference vocabulary as cell checks for imports: 统一社会信用代码 (GB 32100-2015,
 * `validateUscc`) and regions (GB/T 2260 code, name or alias, `findRegion`).
 */
import { CHONGQING_CITY, findRegion, validateUscc } from '@kechuang/domain';
import type { Text } from './importKind.ts';
import type { Parsed } from './parseCell.ts';

/**
 * A 统一社会信用代码 cell: errors (length, characters, check digit) refuse the row; warnings (the
 * embedded 组织机构代码 fails its check, unknown registration authority, reads as an ID card
 * number) refuse it too unless `acceptWarnings`, in which case the value carries the warning.
 */
export function checkUscc(
  text: string,
  acceptWarnings: boolean,
): Parsed<string> & { warning?: Text } {
  const result = validateUscc(text);
  if (!result.ok) {
    return {
      ok: false,
      zh: result.errors.map((e) => e.message.zh).join('；'),
      en: result.errors.map((e) => e.message.en).join('; '),
    };
  }
  if (result.warnings.length === 0) return { ok: true, value: result.normalised };
  const zh = result.warnings.map((e) => e.message.zh).join('；');
  const en = result.warnings.map((e) => e.message.en).join('; ');
  if (acceptWarnings) return { ok: true, value: result.normalised, warning: { zh, en } };
  return {
    ok: false,
    zh: `${zh}（核实后可用 --accept-uscc-warnings 放行）`,
    en: `${en} (after checking, accept with --accept-uscc-warnings)`,
  };
}

/** A region cell (or the city, 500000): a GB/T 2260 code, a full name (石柱土家族自治县) or a short alias (石柱县). */
export function resolveRegion(text: string): Parsed<string> {
  let found = regionCache.get(text);
  if (!found) {
    found = lookUpRegion(text);
    if (regionCache.size < 10_000) regionCache.set(text, found);
  }
  return found;
}

/** Region cells repeat (38 区县): look each spelling up once. */
const regionCache = new Map<string, Parsed<string>>();

function lookUpRegion(text: string): Parsed<string> {
  const city = CHONGQING_CITY;
  if ([city.code, city.name.zh, city.name.en, '重庆', '全市'].includes(text)) {
    return { ok: true, value: city.code };
  }
  const region = findRegion(text);
  if (region) return { ok: true, value: region.code };
  return {
    ok: false,
    zh: `未知的区县“${text}”（请填写区划代码或区县名称，如 500240 或 石柱县）`,
    en: `unknown region "${text}" (use a GB/T 2260 code or a name, e.g. 500240 or 石柱县)`,
  };
}
