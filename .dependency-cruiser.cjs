// Import rules for src/ and cli/, checked by `npm test` (scripts/test.mjs) and by
// test/architecture/import-rules.test.ts. src/core/README.md describes the layers.

/** What each core folder may import besides itself: only folders below it in the staircase. */
const CORE_LAYERS = {
  units: [],
  options: ['units'],
  io: ['units'],
  model: ['units', 'io'],
  decode: ['units', 'io', 'model'],
  query: ['units', 'options', 'io', 'model'],
  source: ['units', 'io', 'model'],
  permalink: ['units', 'io', 'model', 'decode'],
  analysis: ['units', 'options', 'io', 'model', 'query'],
  flame: ['units', 'options', 'io', 'model', 'query', 'analysis'],
  address: ['units', 'options', 'io', 'model', 'query'],
  report: ['units', 'options', 'io', 'model', 'query', 'analysis', 'flame', 'source'],
  engine: ['units', 'options', 'io', 'model', 'query', 'analysis', 'flame', 'source', 'report'],
};

const layerRules = Object.entries(CORE_LAYERS).map(([folder, below]) => ({
  name: `core-${folder}-imports-downward`,
  comment: `src/core/${folder}/ may import only ${below.length ? below.map((b) => `src/core/${b}/`).join(', ') : 'nothing else in src/core'} (the folders below it).`,
  severity: 'error',
  from: { path: `^src/core/${folder}/` },
  to: { path: '^src/core/', pathNot: `^src/core/(${[folder, ...below].join('|')})/` },
}));

/**
 * The top folders of src/, bottom first: each imports only the folders before it (src/README.md of
 * each says what lives there). The shell (app) alone may import views; nothing imports app but main.tsx.
 */
const SRC_LAYERS = ['core', 'worker', 'store', 'actions', 'ui', 'views', 'app'];

const srcLayerRules = SRC_LAYERS.slice(1).map((folder, i) => {
  const below = SRC_LAYERS.slice(0, i + 1);
  return {
    name: `src-${folder}-imports-downward`,
    comment: `src/${folder}/ may import only ${below.map((b) => `src/${b}/`).join(', ')} (the folders below it), never cli/.`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: '^(cli/|src/)', pathNot: `^src/(${[folder, ...below].join('|')})/` },
  };
});

/** Packages that need a page (DOM, React) or that the UI alone uses: core runs in the Worker and in Node too. */
const UI_PACKAGES = ['react', 'react-dom', 'zustand', 'd3', '@tanstack', 'comlink', '@hpcc-js', 'lowlight', 'highlight.js', 'idb-keyval'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circle anywhere in src/ or cli/.',
      severity: 'error',
      from: { path: '^(cli|src)/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-only-core',
      comment: 'src/core is the bottom layer: it imports nothing from the rest of src/ or from cli/.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(cli/|src/)', pathNot: '^src/core/' },
    },
    {
      name: 'core-without-ui-packages',
      comment: 'src/core runs in the Worker and in Node too: no DOM or React packages, nothing only the page uses.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: {
        path: `^node_modules/(${UI_PACKAGES.map((p) => p.replace('.', '\\.')).join('|')})/`,
      },
    },
    {
      name: 'core-without-node-builtins',
      comment: 'src/core runs in the browser and the Worker too: no Node built-in modules.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    ...layerRules,
    {
      name: 'cli-imports-only-core',
      comment: 'cli/ imports only src/core (and Node and its own files), never UI state, views or the Worker.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    ...srcLayerRules,
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: { path: '^(cli|src)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '\\.(css|svg|png|wasm)$|\\?' },
  },
};
