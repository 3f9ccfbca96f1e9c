/**
 * decodeTableStream gives exactly what decodeTable gives on the same bytes (the known answer),
 * however the bytes are cut into chunks: 1 and 3 bytes, every two-piece split (through
 * multi-byte characters, BOMs and CRLF), and as a Node Readable; so does
 * decodeTableIncrementally once all its rows have arrived, and it hands rows out before then.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { decodeTableIncrementally, decodeTableStream } from './decodeTableStream.ts';
import { type DecodeTableOptions, decodeTable } from './readTable.ts';

/** The decoded table, or the error's name and issues: both decoders must agree on either. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await run() };
  } catch (error) {
    const e = error as Error & { issues?: unknown };
    return { error: e.name, issues: e.issues ?? e.message };
  }
}

async function* chunked(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function* pieces(bytes: Uint8Array, at: number[]): AsyncIterable<Uint8Array> {
  let from = 0;
  for (const to of [...at, bytes.length]) {
    yield bytes.subarray(from, to);
    from = to;
  }
}

/** Buffered and streaming outcomes for whole, 1-byte, 3-byte, 2-piece splits and a Readable. */
async function expectSameAsBuffered(
  bytes: Uint8Array,
  options: DecodeTableOptions,
  splits = true,
): Promise<unknown> {
  const expected = await outcome(() => decodeTable(bytes, options));
  const sources: [string, () => AsyncIterable<Uint8Array>][] = [
    ['whole', () => chunked(bytes, Math.max(bytes.length, 1))],
    ['1-byte chunks', () => chunked(bytes, 1)],
    ['3-byte chunks', () => chunked(bytes, 3)],
    ['Readable, 5-byte chunks', () => Readable.from(chunked(bytes, 5))],
    // Empty chunks are legal in a stream.
    ['with empty chunks', () => pieces(bytes, [0, 0, Math.min(2, bytes.length)])],
  ];
  if (splits) {
    for (let at = 1; at < bytes.length; at++) {
      sources.push([`split at ${at}`, () => pieces(bytes, [at])]);
    }
  }
  for (const [name, source] of sources) {
    expect(await outcome(() => decodeTableStream(source(), options)), name).toEqual(expected);
  }
  expect(await outcome(() => drained(bytes, options)), 'incremental').toEqual(expected);
  return expected;
}

/** decodeTableIncrementally's table once every row has arrived (without `more`). */
async function drained(bytes: Uint8Array, options: DecodeTableOptions): Promise<unknown> {
  const { more, ...table } = await decodeTableIncrementally(bytes, options);
  while (more && (await more()));
  return table;
}

/** GB18030 (GBK range) bytes, from a reverse map of the platform's own GB18030 decoder. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !map.has(char)) map.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = map.get(char);
      if (!pair) throw new Error(`no GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

const CSV = [
  '平台名称 , 平台类型,所在区县,备注',
  '重庆市智能制造重点实验室,重点实验室,渝中区,"含逗号, 和 ""引号"""',
  '',
  // Excel writes a line break inside a cell as LF, rows end in CRLF.
  '"跨行\n的名称",工程技术研究中心,江北区,',
  ',,,',
  '两江新区研发平台,企业技术中心,渝北区,最后一行',
].join('\r\n');

describe('decodeTableStream: same table as decodeTable', () => {
  test('UTF-8 without BOM, CRLF, quoted newlines, blank lines and blank rows', async () => {
    const bytes = new TextEncoder().encode(`${CSV}\r\n`);
    const result = (await expectSameAsBuffered(bytes, { format: 'csv' })) as {
      ok: { encoding: string; rows: unknown[]; rowNumbers: number[]; header: string[] };
    };
    // The known answer itself, so that two equally wrong decoders cannot pass.
    expect(result.ok.encoding).toBe('utf-8');
    expect(result.ok.header).toEqual(['平台名称', '平台类型', '所在区县', '备注']);
    expect(result.ok.rowNumbers).toEqual([2, 5, 7]);
    expect(result.ok.rows[0]).toMatchObject({ 备注: '含逗号, 和 "引号"' });
  });

  test('UTF-8 with BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]);
    const result = (await expectSameAsBuffered(bytes, { format: 'csv', strictEncoding: true })) as {
      ok: { header: string[] };
    };
    expect(result.ok.header[0]).toBe('平台名称');
  });

  test('UTF-16 LE with BOM', async () => {
    const bytes = new Uint8Array(Buffer.from(`\uFEFF${CSV}`, 'utf16le'));
    const result = (await expectSameAsBuffered(bytes, { format: 'csv', strictEncoding: true })) as {
      ok: { encoding: string; rows: unknown[] };
    };
    expect(result.ok.encoding).toBe('utf-16le');
    expect(result.ok.rows).toHaveLength(3);
  });

  test('GB18030 (Chinese Excel CSV), also when the first invalid UTF-8 byte comes late', async () => {
    const gbk = encodeGb18030(CSV);
    const result = (await expectSameAsBuffered(gbk, { format: 'csv', strictEncoding: true })) as {
      ok: { encoding: string; header: string[] };
    };
    expect(result.ok.encoding).toBe('gb18030');
    expect(result.ok.header[0]).toBe('平台名称');
    // Several ASCII records parse as UTF-8 before the first GBK byte forces a restart.
    const late = encodeGb18030(`name,type\r\n${'lab,key\r\n'.repeat(50)}重庆实验室,重点实验室\r\n`);
    const lateResult = (await expectSameAsBuffered(late, { format: 'csv' }, false)) as {
      ok: { encoding: string; rows: { name: string }[] };
    };
    expect(lateResult.ok.encoding).toBe('gb18030');
    expect(lateResult.ok.rows.at(-1)?.name).toBe('重庆实验室');
  });

  test('TSV; CRLF inside quotes; no final line break', async () => {
    const encode = (s: string) => new TextEncoder().encode(s);
    await expectSameAsBuffered(encode('名称\t类型\n甲\t乙\n'), { format: 'tsv' });
    await expectSameAsBuffered(encode('名称,类型\r\n"甲\r\n乙",丙\r\n丁,戊'), { format: 'csv' });
  });

  test('the same errors: malformed, empty, duplicate header, undecodable, ZIP named .csv', async () => {
    const encode = (s: string) => new TextEncoder().encode(s);
    const cases: [string, Uint8Array][] = [
      ['malformed', encode('平台名称,平台类型\n"unclosed,重点实验室\n')],
      ['empty', new Uint8Array()],
      ['blank lines only', encode('\r\n\r\n')],
      ['duplicate header', encode('名称,名称\n1,2\n')],
      ['NUL', encode('a,b\n1,\u0000\n')],
      ['ZIP', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2])],
      ['invalid even as GB18030', new Uint8Array([...encode('a,b\n'), 0x81, 0x0a, 0x80, 0xff])],
    ];
    for (const [name, bytes] of cases) {
      const expected = await expectSameAsBuffered(bytes, { format: 'csv', strictEncoding: true });
      expect(expected, name).toHaveProperty('error', 'TableFileError');
    }
  });

  test('an error thrown by the stream (a size limit) comes out as it is', async () => {
    async function* limited(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode('a,b\n1,2\n');
      throw new Error('too large');
    }
    await expect(decodeTableStream(limited(), { format: 'csv' })).rejects.toThrow('too large');
  });

  test('XLSX: dates, formulas, rich text, empty rows, named sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本表说明']);
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow([]);
    sheet.addRow(['名称', '日期', '金额', '合计', '备注']);
    sheet.addRow([
      '重庆实验室',
      new Date(Date.UTC(2024, 2, 15)),
      12.5,
      { formula: 'C3*2', result: 25 },
      { richText: [{ text: '粗体', font: { bold: true } }, { text: '普通' }] },
    ]);
    sheet.addRow([]);
    sheet.addRow(['两江平台', null, 3, { formula: 'C5*2' }, '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const named = (await expectSameAsBuffered(bytes, { format: 'xlsx', sheet: '数据' }, false)) as {
      ok: { rows: unknown[]; rowNumbers: number[] };
    };
    expect(named.ok.rowNumbers).toEqual([3, 5]);
    expect(named.ok.rows[0]).toEqual({
      名称: '重庆实验室',
      日期: '2024-03-15',
      金额: 12.5,
      合计: 25,
      备注: '粗体普通',
    });
    await expectSameAsBuffered(bytes, { format: 'xlsx' }, false);
    await expectSameAsBuffered(bytes, { format: 'xlsx', sheet: '没有' }, false);
  });
});

describe('decodeTableIncrementally: rows handed out while the rest are parsed', () => {
  const header = '统一社会信用代码,企业名称,所在区县\n';
  const line = (i: number) =>
    `91500112MA${String(i).padStart(7, '0')}X,重庆测试企业${i}号,渝北区\n`;
  const big = (n: number, tail = '') =>
    new TextEncoder().encode(header + Array.from({ length: n }, (_, i) => line(i)).join('') + tail);

  test('resolves with the first rows of a large file; the rest arrive through more()', async () => {
    const bytes = big(40_000);
    const table = await decodeTableIncrementally(bytes, { format: 'csv', strictEncoding: true });
    expect(table.more).toBeDefined();
    expect(table.rows.length).toBeLessThan(40_000);
    let calls = 0;
    while (await table.more?.()) calls++;
    expect(calls).toBeGreaterThan(1);
    const { more: _, ...whole } = table;
    expect(whole).toEqual(await decodeTable(bytes, { format: 'csv', strictEncoding: true }));
  });

  test('an error at the end of a large file rejects more(), after rows were handed out', async () => {
    for (const [name, tail] of [
      ['malformed', '"unclosed,甲,乙\n'],
      ['NUL', 'a,\u0000,b\n'],
    ]) {
      const table = await decodeTableIncrementally(big(40_000, tail), {
        format: 'csv',
        strictEncoding: true,
      });
      const drain = async () => {
        while (await table.more?.());
      };
      await expect(drain(), name).rejects.toThrow(/CSV|decode/);
      expect(table.rows.length, name).toBeGreaterThan(1000);
    }
  });
});
