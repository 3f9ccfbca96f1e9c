/** The top-level error handler, issue formatting and terminal widths. */
import { IndexInputError } from '@kechuang/index-engine';
import { describe, expect, test } from 'vitest';
import { EXIT_UNEXPECTED, EXIT_USER_ERROR, handleError } from '../src/cli.ts';
import { CliInputError } from '../src/errors.ts';
import { formatIssue } from '../src/io/formatIssues.ts';
import { displayWidth, pad } from '../src/io/textTable.ts';

function capture(env: Record<string, string | undefined> = {}) {
  const io = {
    text: '',
    out: () => {},
    err: (t: string) => {
      io.text += t;
    },
    env,
  };
  return io;
}

describe('handleError', () => {
  test('an unexpected error: a short message, exit code 1, no stack unless KECHUANG_DEBUG', () => {
    const io = capture();
    expect(handleError(new Error('boom'), io)).toBe(EXIT_UNEXPECTED);
    expect(io.text).toContain('意外错误 / unexpected error: boom');
    expect(io.text).not.toMatch(/\n\s+at /);
    const debug = capture({ KECHUANG_DEBUG: '1' });
    handleError(new Error('boom'), debug);
    expect(debug.text).toMatch(/\n\s+at /);
  });

  test('user errors: every issue, exit code 2', () => {
    const io = capture();
    const err = new CliInputError([
      { file: 'a.csv', row: 2, column: 'X', zh: '甲', en: 'a' },
      { file: 'b.json', zh: '乙', en: 'b' },
    ]);
    expect(handleError(err, io)).toBe(EXIT_USER_ERROR);
    expect(io.text.split('\n')).toEqual([
      '发现 2 个问题 / 2 problems found:',
      '文件 a.csv 第 2 行 X 列：甲 / a.csv row 2, column X: a',
      '文件 b.json：乙 / b.json: b',
      '',
    ]);
  });

  test('an engine error that reached the top is still a user error', () => {
    const io = capture();
    const err = new IndexInputError([{ kind: 'invalidSpec', message: { zh: '坏', en: 'bad' } }]);
    expect(handleError(err, io)).toBe(EXIT_USER_ERROR);
    expect(io.text).toContain('坏 / bad');
  });
});

describe('formatIssue', () => {
  test('file, row, column, unit and JSON positions', () => {
    expect(formatIssue({ file: 'd.csv', row: 3, column: 'LPI', zh: '甲', en: 'a' })).toBe(
      '文件 d.csv 第 3 行 LPI 列：甲 / d.csv row 3, column LPI: a',
    );
    expect(formatIssue({ file: 'd.csv', column: 'Time', zh: '甲', en: 'a' })).toBe(
      '文件 d.csv Time 列：甲 / d.csv, column Time: a',
    );
    expect(formatIssue({ file: 'd.csv', row: 1, unit: 'AUT', zh: '甲', en: 'a' })).toBe(
      '文件 d.csv 第 1 行（单元 AUT）：甲 / d.csv row 1 (unit AUT): a',
    );
    expect(formatIssue({ file: 's.json', line: 2, character: 5, zh: '甲', en: 'a' })).toBe(
      '文件 s.json 第 2 行第 5 个字符：甲 / s.json line 2, character 5: a',
    );
    expect(formatIssue({ zh: '甲', en: 'a' })).toBe('甲 / a');
  });
});

describe('display width', () => {
  test('CJK and full-width characters count 2', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('重庆市')).toBe(6);
    expect(displayWidth('渝北区（Yubei）')).toBe(6 + 4 + 5);
    expect(pad('北京', 6)).toBe('北京  ');
    expect(pad('1.5', 6, 'right')).toBe('   1.5');
  });
});
