import { bilingual, IndexInputError, type InputIssue } from './errors.ts';
import type { Framework, FrameworkNode } from './types.ts';

/** A validated framework with the lookups every step needs. */
export type FrameworkTree = {
  framework: Framework;
  byCode: ReadonlyMap<string, FrameworkNode>;
  /** Level-1 codes in framework order. */
  indicators: readonly string[];
  /** Number of levels (the index's level). */
  maxLevel: number;
  /** Codes at each level (index = level), in framework order. */
  levels: readonly (readonly string[])[];
  /** Parent code → child codes, in framework order. */
  children: ReadonlyMap<string, readonly string[]>;
  root: string;
};

/**
 * Check a framework's structure and build its lookups. Every issue is collected before
 * throwing: duplicate codes, unknown parents, cycles, levels that do not step by one,
 * several roots, negative or non-finite weights, directions other than ±1.
 */
export function compileFramework(framework: Framework): FrameworkTree {
  const issues: InputIssue[] = [];
  const byCode = new Map<string, FrameworkNode>();
  for (const node of framework.nodes) {
    if (byCode.has(node.code)) {
      issues.push({
        kind: 'duplicateCode',
        node: node.code,
        field: 'iCode',
        message: bilingual(`指标代码重复：${node.code}`, `duplicate code: ${node.code}`),
      });
      continue;
    }
    byCode.set(node.code, node);
    checkNodeFields(node, issues);
  }
  const roots = framework.nodes.filter((n) => n.parent === null || n.parent === undefined);
  for (const node of framework.nodes) checkParent(node, byCode, issues);
  checkCycles(framework.nodes, byCode, issues);
  if (roots.length !== 1) {
    issues.push({
      kind: 'rootCount',
      field: 'Parent',
      message: bilingual(
        `框架须有且只有一个顶层节点（无上级），现有 ${roots.length} 个：${roots.map((r) => r.code).join(', ')}`,
        `a framework needs exactly one top node (no parent); found ${roots.length}: ${roots.map((r) => r.code).join(', ')}`,
      ),
    });
  }
  if (issues.length > 0) throw new IndexInputError(issues);
  const root = roots[0] as FrameworkNode;
  const maxLevel = root.level;
  const levels: string[][] = Array.from({ length: maxLevel + 1 }, () => []);
  const children = new Map<string, string[]>();
  for (const node of framework.nodes) {
    (levels[node.level] as string[]).push(node.code);
    if (node.parent) {
      const list = children.get(node.parent) ?? [];
      list.push(node.code);
      children.set(node.parent, list);
    }
  }
  checkLeaves(framework.nodes, children, issues);
  if (issues.length > 0) throw new IndexInputError(issues);
  return {
    framework,
    byCode,
    indicators: levels[1] ?? [],
    maxLevel,
    levels,
    children,
    root: root.code,
  };
}

function checkNodeFields(node: FrameworkNode, issues: InputIssue[]): void {
  if (!Number.isInteger(node.level) || node.level < 1) {
    issues.push({
      kind: 'levelMismatch',
      node: node.code,
      field: 'Level',
      message: bilingual(
        `${node.code} 的层级须为 ≥ 1 的整数，现为 ${node.level}`,
        `${node.code}: level must be an integer ≥ 1, got ${node.level}`,
      ),
    });
  }
  if (!Number.isFinite(node.weight)) {
    issues.push({
      kind: 'invalidWeight',
      node: node.code,
      field: 'Weight',
      message: bilingual(`${node.code} 的权重不是数字`, `${node.code}: weight is not a number`),
    });
  } else if (node.weight < 0) {
    issues.push({
      kind: 'negativeWeight',
      node: node.code,
      field: 'Weight',
      message: bilingual(
        `${node.code} 的权重为负数（${node.weight}）`,
        `${node.code}: negative weight (${node.weight})`,
      ),
    });
  }
  if (node.direction !== 1 && node.direction !== -1) {
    issues.push({
      kind: 'invalidDirection',
      node: node.code,
      field: 'Direction',
      message: bilingual(
        `${node.code} 的方向须为 1 或 -1，现为 ${String(node.direction)}`,
        `${node.code}: direction must be 1 or -1, got ${String(node.direction)}`,
      ),
    });
  }
}

function checkParent(
  node: FrameworkNode,
  byCode: ReadonlyMap<string, FrameworkNode>,
  issues: InputIssue[],
): void {
  if (node.parent === null || node.parent === undefined) return;
  const parent = byCode.get(node.parent);
  if (!parent) {
    issues.push({
      kind: 'unknownParent',
      node: node.code,
      field: 'Parent',
      message: bilingual(
        `${node.code} 的上级 ${node.parent} 不存在`,
        `${node.code}: unknown parent ${node.parent}`,
      ),
    });
  } else if (parent.level !== node.level + 1) {
    issues.push({
      kind: 'levelMismatch',
      node: node.code,
      field: 'Level',
      message: bilingual(
        `${node.code}（第 ${node.level} 层）的上级 ${parent.code} 应在第 ${node.level + 1} 层，实为第 ${parent.level} 层`,
        `${node.code} (level ${node.level}) has parent ${parent.code} at level ${parent.level}; expected ${node.level + 1}`,
      ),
    });
  }
}

function checkCycles(
  nodes: readonly FrameworkNode[],
  byCode: ReadonlyMap<string, FrameworkNode>,
  issues: InputIssue[],
): void {
  const reported = new Set<string>();
  for (const start of nodes) {
    const seen = new Set<string>([start.code]);
    let current = start.parent ? byCode.get(start.parent) : undefined;
    while (current) {
      if (seen.has(current.code)) {
        if (!reported.has(current.code)) {
          const cycle = [...seen].join(' → ');
          issues.push({
            kind: 'cycle',
            node: current.code,
            field: 'Parent',
            message: bilingual(`上级关系成环：${cycle}`, `parent links form a cycle: ${cycle}`),
          });
          for (const c of seen) reported.add(c);
        }
        break;
      }
      seen.add(current.code);
      current = current.parent ? byCode.get(current.parent) : undefined;
    }
  }
}

function checkLeaves(
  nodes: readonly FrameworkNode[],
  children: ReadonlyMap<string, readonly string[]>,
  issues: InputIssue[],
): void {
  for (const node of nodes) {
    if (node.level > 1 && !children.has(node.code)) {
      issues.push({
        kind: 'levelMismatch',
        node: node.code,
        field: 'Level',
        message: bilingual(
          `汇总节点 ${node.code}（第 ${node.level} 层）没有下级`,
          `aggregate ${node.code} (level ${node.level}) has no members`,
        ),
      });
    }
  }
}

/** Ancestor of `code` at `level` (the code itself at its own level). */
export function ancestorAt(tree: FrameworkTree, code: string, level: number): string | undefined {
  let node = tree.byCode.get(code);
  while (node && node.level < level) node = node.parent ? tree.byCode.get(node.parent) : undefined;
  return node && node.level === level ? node.code : undefined;
}
