import { Select, Space } from 'antd';
import { useMemo } from 'react';
import type { IndexRunInfo } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useT } from '../i18n/useT.ts';

/** Props of {@link RunPicker}. */
export type RunPickerProps = {
  year: number | undefined;
  edition: string | undefined;
  onChange: (choice: { year?: number; edition?: string }) => void;
};

/**
 * Year and edition selectors fed by `GET /api/index-runs`; an empty choice lets the API pick its
 * default (the latest published run).
 */
export function RunPicker({ year, edition, onChange }: RunPickerProps) {
  const { t } = useT();
  const runs = useApi<IndexRunInfo[]>('/index-runs');
  const years = useMemo(
    () => [...new Set((runs.data ?? []).map((r) => r.year))].sort((a, b) => b - a),
    [runs.data],
  );
  const editions = useMemo(
    () => [
      ...new Set(
        (runs.data ?? [])
          .filter((r) => year === undefined || r.year === year)
          .map((r) => r.edition),
      ),
    ],
    [runs.data, year],
  );
  return (
    <Space wrap>
      <Select
        aria-label={t('common.year')}
        style={{ width: 110 }}
        value={year}
        placeholder={t('common.year')}
        onChange={(y: number) => onChange({ year: y, edition })}
        options={years.map((y) => ({ value: y, label: String(y) }))}
      />
      <Select
        aria-label={t('common.edition')}
        style={{ width: 150 }}
        value={edition}
        placeholder={t('common.edition')}
        allowClear
        onChange={(e: string | undefined) => onChange({ year, edition: e })}
        options={editions.map((e) => ({ value: e, label: e }))}
      />
    </Space>
  );
}
