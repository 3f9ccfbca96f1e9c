import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ASEM_UA_SPEC, VIGNETTE_ALTERNATIVES } from '../../index-engine/test/asemFixture.ts';
import { analysisCommand } from '../src/commands/indexAnalysis.ts';
import { CliInputError } from '../src/errors.ts';
import { ASEM_DATA, ASEM_META, removeTempDirs, tempDir, writeText } from './helpers.ts';

afterAll(removeTempDirs);

const SPEC = JSON.stringify(ASEM_UA_SPEC);
const ALTERNATIVES = JSON.stringify({ alternatives: VIGNETTE_ALTERNATIVES });

function files(dir: string) {
  const spec = writeText(dir, 'spec.json', SPEC);
  const alternatives = writeText(dir, 'alt.json', ALTERNATIVES);
  return { meta: ASEM_META, data: ASEM_DATA, spec, alternatives };
}

describe('kechuang index uncertainty / sensitivity', () => {
  test('worker threads give exactly the in-process result', async () => {
    const dir = tempDir();
    const opts = { ...files(dir), n: 40, seed: 9 };
    const onWorkers = await analysisCommand('UA', { ...opts, out: join(dir, 'w'), workers: 2 });
    const inProcess = await analysisCommand('UA', { ...opts, out: join(dir, 'p'), workers: 0 });
    expect(onWorkers.result.ranks).toEqual(inProcess.result.ranks);
    expect(onWorkers.result.rankStatistics).toEqual(inProcess.result.rankStatistics);
    const csv = readFileSync(join(dir, 'w', 'RankStatistics.csv'), 'utf8');
    expect(csv.split('\n')[0]).toContain('uCode,uName,NominalRank,MeanRank,MedianRank,Q5,Q95');
    expect(csv.trim().split('\n').length).toBe(52);
    expect(existsSync(join(dir, 'w', 'uncertainty.xlsx'))).toBe(true);
  });

  test("sensitivity writes Sobol indices for every input, aggregation dominating (as in COINr's vignette)", async () => {
    const dir = tempDir();
    const r = await analysisCommand('SA', {
      ...files(dir),
      n: 60,
      seed: 2,
      out: dir,
      workers: 2,
      bootstrap: 50,
    });
    const lines = readFileSync(join(dir, 'Sensitivity.csv'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(5);
    expect(r.result.design.rows).toBe(60 * 6);
    const indices = 'indices' in r.result ? r.result.indices : [];
    const top = [...indices].sort((a, b) => b.total - a.total)[0];
    expect(top?.name).toBe('Aggregation');
    expect(r.lines.join('\n')).toContain('STi');
  });

  test('a malformed alternatives file is refused with a clear bilingual message', async () => {
    const dir = tempDir();
    const f = files(dir);
    const bad = writeText(dir, 'bad.json', '{"alternatives":[{"name":"x"}]}');
    const err = await analysisCommand('UA', {
      ...f,
      alternatives: bad,
      n: 10,
      out: dir,
      workers: 0,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(CliInputError);
    expect((err as CliInputError).issues[0]?.zh).toContain('name、path');
    expect((err as CliInputError).issues[0]?.en).toContain('needs name, path');
  });
});
