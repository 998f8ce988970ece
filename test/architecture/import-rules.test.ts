import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IFlattenedRuleSet } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IFlattenedRuleSet;

const trees: string[] = [];
afterEach(() => {
  for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A small tree of src/ and cli/ files (path → imports), written to a fresh folder. */
function plant(files: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'parkview-import-rules-'));
  trees.push(root);
  for (const [path, imports] of Object.entries(files)) {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), `${imports.map((spec, i) => `import * as m${i} from '${spec}';\nvoid m${i};\n`).join('')}export const here = '${path}';\n`);
  }
  return root;
}

/** The names of the rules the planted tree breaks, under the project's own configuration. */
async function broken(files: Record<string, string[]>): Promise<string[]> {
  const root = plant(files);
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(['src', 'cli'], { ruleSet: { forbidden: config.forbidden }, validate: true });
    if (typeof result.output === 'string') throw new Error('expected a cruise result, not text');
    return [...new Set(result.output.summary.violations.map((v) => v.rule.name))].sort();
  } finally {
    process.chdir(cwd);
  }
}

const LAYERED = {
  'src/core/units/scale.ts': [],
  'src/core/io/gunzip.ts': ['../units/scale'],
  'src/core/model/session.ts': [],
  'src/core/query/top.ts': ['../model/session', '../units/scale'],
  'src/core/report/top-text.ts': ['../query/top'],
  'src/worker/top.ts': ['../core/report/top-text'],
  'cli/top.ts': ['../src/core/report/top-text'],
};

describe('import rules (.dependency-cruiser.cjs)', () => {
  it('accept a tree whose imports go down the staircase', async () => {
    expect(await broken(LAYERED)).toEqual([]);
  });

  it('refuse an upward import inside core', async () => {
    expect(await broken({ ...LAYERED, 'src/core/units/scale.ts': ['../report/top-text'] })).toEqual(['core-units-imports-downward', 'no-circular']);
    expect(await broken({ ...LAYERED, 'src/core/query/top.ts': ['../model/session', '../report/top-text'] })).toContain('core-query-imports-downward');
  });

  it('refuse an import between two folders of the same step', async () => {
    expect(await broken({ ...LAYERED, 'src/core/decode/pprof.ts': ['../query/top'] })).toEqual(['core-decode-imports-downward']);
  });

  it('refuse core reaching above itself, the command reaching UI state, and the Worker reaching views', async () => {
    expect(await broken({ ...LAYERED, 'src/store/view.ts': [], 'src/core/model/session.ts': ['../../store/view'] })).toEqual(['core-imports-only-core']);
    expect(await broken({ ...LAYERED, 'src/store/view.ts': [], 'cli/link.ts': ['../src/store/view'] })).toEqual(['cli-imports-only-core']);
    expect(await broken({ ...LAYERED, 'src/views/Top/rows.ts': [], 'src/worker/top.ts': ['../views/Top/rows'] })).toEqual(['src-worker-imports-downward']);
  });

  it('refuse Node built-ins in core', async () => {
    expect(await broken({ ...LAYERED, 'src/core/io/gunzip.ts': ['node:zlib'] })).toEqual(['core-without-node-builtins']);
  });

  it('refuse a circle between two files of one core folder', async () => {
    expect(await broken({ ...LAYERED, 'src/core/query/a.ts': ['./b'], 'src/core/query/b.ts': ['./a'] })).toEqual(['no-circular']);
  });

  const PAGE = {
    ...LAYERED,
    'src/store/view.ts': ['../core/model/session'],
    'src/actions/loading.ts': ['../store/view', '../worker/top'],
    'src/ui/Dialog.tsx': ['../store/view', '../actions/loading'],
    'src/views/Top/TopView.tsx': ['../../ui/Dialog', '../../actions/loading', '../Source/show-line'],
    'src/views/Source/show-line.ts': ['../../store/view'],
    'src/views/registry.ts': ['./Top/TopView'],
    'src/app/App.tsx': ['../views/registry', '../ui/Dialog', '../actions/loading'],
  };

  it('accept the page when each top folder imports only those below it (core, worker, store, actions, ui, views, app)', async () => {
    expect(await broken(PAGE)).toEqual([]);
  });

  it('refuse a view reaching the shell, an action reaching a view, a store reaching an action, a widget reaching a view', async () => {
    expect(await broken({ ...PAGE, 'src/views/Source/show-line.ts': ['../../app/App'] })).toEqual(['no-circular', 'src-views-imports-downward']);
    expect(await broken({ ...PAGE, 'src/actions/loading.ts': ['../views/registry'] })).toEqual(['no-circular', 'src-actions-imports-downward']);
    expect(await broken({ ...PAGE, 'src/store/view.ts': ['../actions/loading'] })).toEqual(['no-circular', 'src-store-imports-downward']);
    expect(await broken({ ...PAGE, 'src/ui/Dialog.tsx': ['../views/Source/show-line'] })).toEqual(['src-ui-imports-downward']);
  });

  it('refuse a circle between two views', async () => {
    expect(await broken({ ...PAGE, 'src/views/Source/show-line.ts': ['../Top/TopView'] })).toEqual(['no-circular']);
  });
});
