import type { ImportRowError } from './rows';

/** A unit in the tree as it will be after the import: stored units with the file's changes. */
export interface TreeNode {
  id: string;
  code: string;
  parentCode: string | null;
}

/**
 * Materialized paths ('/<root id>/.../<own id>/') for every unit of the final tree, given
 * units in any order (a file may name a parent defined further down). A parent code that
 * names no unit, or a parent chain that loops, is an error on the file row that set it.
 */
export function resolveUnitPaths(
  nodes: Map<string, TreeNode>,
  rowOfCode: Map<string, number>,
): { paths: Map<string, string>; errors: ImportRowError[] } {
  const paths = new Map<string, string>();
  const broken = new Set<string>();
  const errors: ImportRowError[] = [];
  const fail = (code: string, error: Omit<ImportRowError, 'row' | 'column'>) => {
    const row = rowOfCode.get(code);
    if (row !== undefined) errors.push({ row, column: 'parent_code', ...error });
  };
  for (const start of nodes.keys()) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let code: string | null = start;
    let base: string | null = '/';
    while (code !== null) {
      if (paths.has(code)) {
        base = paths.get(code)!;
        break;
      }
      if (broken.has(code)) {
        base = null;
        break;
      }
      if (onChain.has(code)) {
        const loop = chain.slice(chain.indexOf(code));
        for (const member of loop) {
          fail(member, {
            code: 'PARENT_CYCLE',
            message: `Unit ${member} would be its own ancestor (${[...loop, code].join(' → ')}).`,
            params: { value: member, cycle: [...loop, code].join(' → ') },
          });
        }
        base = null;
        break;
      }
      const node: TreeNode = nodes.get(code)!;
      chain.push(code);
      onChain.add(code);
      if (node.parentCode !== null && !nodes.has(node.parentCode)) {
        fail(code, {
          code: 'UNKNOWN_PARENT',
          message: `No unit with code ${node.parentCode}, in the file or stored.`,
          params: { value: node.parentCode },
        });
        base = null;
        break;
      }
      code = node.parentCode;
    }
    // Walk back down from the top of the chain.
    for (const member of chain.reverse()) {
      if (base === null) broken.add(member);
      else {
        base = `${base}${nodes.get(member)!.id}/`;
        paths.set(member, base);
      }
    }
  }
  return { paths, errors };
}
