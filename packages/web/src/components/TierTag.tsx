import { Tag } from 'antd';
import type { Tier } from '../api/types.ts';
import { useT } from '../i18n/useT.ts';

const COLOURS = ['green', 'blue', 'orange', 'default'];

/** Position of a tier in its scheme (1st, 2nd, 3rd …) from its code, e.g. `tier1`, `first`. */
export function tierOrder(tier: Tier | null | undefined): number {
  if (tier?.tier !== undefined) return tier.tier;
  const code = tier?.code ?? '';
  const digit = /(\d+)/.exec(code)?.[1];
  if (digit) return Number(digit);
  const words = ['first', 'second', 'third', 'fourth'];
  const i = words.findIndex((w) => code.toLowerCase().startsWith(w));
  return i >= 0 ? i + 1 : 4;
}

/** A tier (梯队) badge: green, blue, orange for the first, second and third tier. */
export function TierTag({ tier }: { tier: Tier | null | undefined }) {
  const { pick } = useT();
  if (!tier) return <span>—</span>;
  return <Tag color={COLOURS[tierOrder(tier) - 1] ?? 'default'}>{pick(tier)}</Tag>;
}
