import { useMemo } from 'react';
import type { RegionInfo } from './types.ts';
import { useApi } from './useApi.ts';

/** The 区县 in force (`GET /api/regions`) and a lookup by code for tables and filters. */
export function useRegions(): { regions: RegionInfo[]; byCode: Map<string, RegionInfo> } {
  const { data } = useApi<RegionInfo[]>('/regions');
  return useMemo(() => {
    const regions = data ?? [];
    return { regions, byCode: new Map(regions.map((r) => [r.code, r])) };
  }, [data]);
}
