/**
 * The dependency direction of docs/ARCHITECTURE.md, enforced: a package may import only the
 * packages listed for it, only through their public entry, and the pure packages may not touch
 * I/O, the environment or the clock.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const PACKAGES = join(ROOT, 'packages');

/** Package folder → the workspace packages it may depend on. */
const ALLOWED: Record<string, string[]> = {
  'index-engine': [],
  domain: [],
  qualification: ['domain'],
  registry: ['domain', 'qualification', 'index-engine'],
  api: ['registry', 'domain', 'index-engine', 'qualification'],
  cli: ['api', 'registry', 'domain', 'index-engine', 'qualification'],
  web: ['domain'],
};

/** Packages that must stay pure: no I/O, no environment, no clock. */
const PURE = new Set(['index-engine', 'domain', 'qualification']);
const IMPURE_MODULES =
  /^(node:)?(fs|fs\/promises|net|http|https|child_process|worker_threads|dgram|tls|cluster)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Module specifiers of static and dynamic imports and re-exports. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const re =
    /(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(re)) found.push((m[1] ?? m[2] ?? m[3]) as string);
  return found;
}

const packages = readdirSync(PACKAGES).filter((p) => statSync(join(PACKAGES, p)).isDirectory());

describe('architecture: dependency direction', () => {
  test('every package is known to the dependency rules', () => {
    for (const p of packages) expect(Object.keys(ALLOWED), p).toContain(p);
  });

  test('the import scanner sees imports, re-exports and dynamic imports', () => {
    expect(
      importsOf(
        "import { a } from '@kechuang/x';\nexport * from './y.ts';\nawait import('node:fs');",
      ),
    ).toEqual(['@kechuang/x', './y.ts', 'node:fs']);
  });

  for (const pkg of packages) {
    test(`${pkg} imports only what it may`, () => {
      const manifest = JSON.parse(readFileSync(join(PACKAGES, pkg, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const allowed = new Set((ALLOWED[pkg] ?? []).map((p) => `@kechuang/${p}`));
      const declared = Object.keys(manifest.dependencies ?? {}).filter((d) =>
        d.startsWith('@kechuang/'),
      );
      for (const d of declared) expect(allowed.has(d), `${pkg} declares ${d}`).toBe(true);
      const problems: string[] = [];
      for (const file of sourceFiles(join(PACKAGES, pkg, 'src'))) {
        const isTest = /\.test\.tsx?$/.test(file);
        const where = relative(ROOT, file);
        for (const spec of importsOf(readFileSync(file, 'utf8'))) {
          if (spec.startsWith('@kechuang/')) {
            const [scope, name, ...deep] = spec.split('/');
            const target = `${scope}/${name}`;
            if (!allowed.has(target)) problems.push(`${where} imports ${spec}`);
            if (deep.length > 0)
              problems.push(`${where} reaches into ${spec} (use the package entry)`);
          }
          if (spec.startsWith('../../') && spec.includes('packages/'))
            problems.push(`${where} imports ${spec} by path`);
          if (PURE.has(pkg) && !isTest && IMPURE_MODULES.test(spec))
            problems.push(`${where} (pure) imports ${spec}`);
        }
        if (PURE.has(pkg) && !isTest) {
          const text = readFileSync(file, 'utf8');
          if (/process\.env|Date\.now\(|new Date\(\)|Math\.random\(/.test(text)) {
            problems.push(
              `${where} (pure) reads the environment, the clock or unseeded randomness`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
