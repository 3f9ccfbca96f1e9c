/** Plain-text tables for the terminal, aligned when names are Chinese (CJK counts as 2 columns). */

/** East Asian wide and full-width ranges (Unicode EAW W/F), enough for Chinese, Japanese, Korean. */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x20000, 0x3fffd],
];

/** Columns a string takes in a terminal: CJK and full-width characters count 2, marks 0. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    width += WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return width;
}

/** Pad to a display width, on the right (text) or on the left (numbers). */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

export type Column = { header: string; align?: 'left' | 'right' };

/** Render rows under headers, columns separated by two spaces, trailing spaces trimmed. */
export function renderTable(columns: readonly Column[], rows: readonly string[][]): string[] {
  const widths = columns.map((c, j) =>
    Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[j] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((c, j) => pad(cells[j] ?? '', widths[j] as number, c.align))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}
