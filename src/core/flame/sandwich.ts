import type { KeyedTree, MergedTree } from './merge';

/**
 * Sandwich view (pprof's pivot, speedscope's sandwich) of the function(s) with `target[key] === 1`,
 * across every place they appear. Only outermost calls count, so recursion is never counted twice.
 */
function isOutermost(tree: MergedTree, target: Uint8Array): Uint8Array {
  const { parent, key, size } = tree;
  const under = new Uint8Array(size);
  const outermost = new Uint8Array(size);
  for (let i = 1; i < size; i++) {
    const hit = target[key[i]] === 1;
    if (hit && !under[parent[i]]) outermost[i] = 1;
    under[i] = hit || under[parent[i]] ? 1 : 0;
  }
  return outermost;
}

/** Callees: the root is the function, below it everything it calls, merged over all its call sites. */
export function calleesTree(tree: MergedTree, target: Uint8Array): KeyedTree {
  const { parent, key, self, cum, line, size } = tree;
  const outermost = isOutermost(tree, target);
  const mapped = new Int32Array(size).fill(-1);
  const oParent: number[] = [-1];
  const oKey: number[] = [-1];
  const oSelf: number[] = [0];
  const oLine: number[] = [0];
  for (let i = 1; i < size; i++) {
    if (cum[i] === 0) continue;
    if (outermost[i]) {
      mapped[i] = 0;
      oSelf[0] += self[i];
    } else if (mapped[parent[i]] >= 0) {
      mapped[i] = oParent.length;
      oParent.push(mapped[parent[i]]);
      oKey.push(key[i]);
      oSelf.push(self[i]);
      oLine.push(line[i]);
    }
  }
  return { parent: oParent, key: oKey, self: oSelf, line: oLine };
}

/**
 * Callers: the root is the function, above it (as children here) its direct callers, then theirs,
 * up to where the goroutines start; each path carries the value of the calls it leads to.
 */
export function callersTree(tree: MergedTree, target: Uint8Array): KeyedTree {
  const { parent, key, cum, line, size } = tree;
  const outermost = isOutermost(tree, target);
  const oParent: number[] = [-1];
  const oKey: number[] = [-1];
  const oSelf: number[] = [0];
  const oLine: number[] = [0];
  for (let i = 1; i < size; i++) {
    if (!outermost[i] || cum[i] === 0) continue;
    let at = 0;
    for (let a = parent[i]; a > 0; a = parent[a]) {
      oParent.push(at);
      oKey.push(key[a]);
      oSelf.push(0);
      oLine.push(line[a]);
      at = oParent.length - 1;
    }
    oSelf[at] += cum[i];
  }
  return { parent: oParent, key: oKey, self: oSelf, line: oLine };
}

/** 1 for each key whose function name is `fn` (at `lines` granularity a function has many keys). */
export function targetKeys(keyFunctions: readonly string[], fn: string): Uint8Array {
  const out = new Uint8Array(keyFunctions.length);
  for (let k = 0; k < keyFunctions.length; k++) if (keyFunctions[k] === fn) out[k] = 1;
  return out;
}
