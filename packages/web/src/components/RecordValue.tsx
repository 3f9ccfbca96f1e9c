import type { CodeListEntry } from '@kechuang/domain';
import type { ColumnFormat } from '../api/registryKinds.ts';
import type { RegionInfo } from '../api/types.ts';
import { formatWanYuan } from '../format/formatNumber.ts';
import { useT } from '../i18n/useT.ts';

/** Props of {@link RecordValue}. */
export type RecordValueProps = {
  value: unknown;
  format?: ColumnFormat | undefined;
  regions: Map<string, RegionInfo>;
  /** The code list of a coded value: its label is shown, the code in the tooltip. */
  codes?: readonly CodeListEntry[] | undefined;
};

/** One registry field for display: coded values by their label, region codes as names, amounts (万元) in 万/亿, objects as JSON. */
export function RecordValue({ value, format, regions, codes }: RecordValueProps) {
  const { lang, pick } = useT();
  if (value === null || value === undefined || value === '') return <span>—</span>;
  const entry = codes?.find((c) => c.code === value);
  if (entry) return <span title={entry.code}>{pick(entry)}</span>;
  if (
    format === 'region' ||
    (typeof value === 'string' && /^5\d{5}$/.test(value) && regions.has(value))
  ) {
    const region = regions.get(String(value));
    return <span>{region ? pick(region) : String(value)}</span>;
  }
  if (format === 'amount' && typeof value === 'number')
    return <span>{formatWanYuan(value, lang)}</span>;
  if (format === 'date' && typeof value === 'string') return <span>{value.slice(0, 10)}</span>;
  if (format === 'code') return <code>{String(value)}</code>;
  if (typeof value === 'object') {
    if ('zh' in value && 'en' in value)
      return <span>{pick(value as { zh: string; en: string })}</span>;
    return <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(value)}</code>;
  }
  if (typeof value === 'boolean') return <span>{value ? '✓' : '✗'}</span>;
  return <span>{String(value)}</span>;
}
