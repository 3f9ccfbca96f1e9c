import { useT } from '../i18n/useT.ts';

/** A rank change: ▲3 (moved up, green), ▼2 (down, red), – (unchanged), — (no previous year). */
export function RankChange({ change }: { change: number | null | undefined }) {
  const { lang } = useT();
  if (change === null || change === undefined) return <span>—</span>;
  if (change === 0) return <span>–</span>;
  const up = change > 0;
  const label =
    lang === 'zh'
      ? `${up ? '上升' : '下降'} ${Math.abs(change)} 位`
      : `${up ? 'up' : 'down'} ${Math.abs(change)}`;
  return (
    <span style={{ color: up ? '#389e0d' : '#cf1322' }} title={label}>
      <span aria-hidden="true">
        {up ? '▲' : '▼'}
        {Math.abs(change)}
      </span>
      <span className="kc-sr">{label}</span>
    </span>
  );
}
