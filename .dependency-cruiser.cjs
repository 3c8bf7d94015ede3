/**
 * The layout's rules, checked by `npm test` (npm run test:layout): no import loop between files (but inside the
 * type converter, whose functions recurse into each other as types nest), and the flow between folders
 * cli → transformer → codegen → model, runtime → model, bundler → transformer/analysis (and codegen, model).
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-import-loop',
      severity: 'error',
      comment: 'Files import each other in a loop: move what both need into a leaf module.',
      from: { pathNot: '^transformer/(analysis/)?types/' },
      to: { circular: true },
    },
    {
      name: 'model-is-a-leaf',
      severity: 'error',
      comment: 'The model is plain data that every stage imports; it imports none of them.',
      from: { path: '^model/' },
      to: { path: '^(transformer|codegen|cli|runtime)/' },
    },
    {
      name: 'codegen-produces-text',
      severity: 'error',
      comment: 'Emitters take the model and return text: no analysis, no runtime, no file system.',
      from: { path: '^codegen/' },
      to: { path: '^(transformer|cli|runtime)/|^(node:)?fs$' },
    },
    {
      name: 'runtime-stands-alone',
      severity: 'error',
      comment: 'What ships to servers and browsers never loads the compiler side.',
      from: { path: '^runtime/' },
      to: { path: '^(transformer|codegen|cli)/|^typescript$' },
    },
    {
      name: 'transformer-below-cli',
      severity: 'error',
      comment: 'The CLI drives the transformer, not the other way round.',
      from: { path: '^transformer/' },
      to: { path: '^cli/' },
    },
    {
      name: 'nothing-imports-bundler',
      severity: 'error',
      comment: 'The bundler plugins are entry points (actionwire/vite, actionwire/esbuild): nothing of ours imports them.',
      from: { pathNot: '^bundler/' },
      to: { path: '^bundler/' },
    },
    {
      name: 'bundler-reads-the-analysis-only',
      severity: 'error',
      comment: 'The plugins reuse the configuration, directive and naming code of the analysis; never the runtime, the CLI or the tspc glue.',
      from: { path: '^bundler/' },
      to: { path: '^(runtime|cli)/|^transformer/(program|hoisting|client-mode|output)/|^transformer/index' },
    },
    {
      name: 'bundler-loads-no-bundler',
      severity: 'error',
      comment: 'vite and esbuild are optional peer dependencies: the plugins import their types only (dependency-cruiser does not resolve vite 8, "unknown": tests/bundler/plugin-modules.test.ts reads the built plugins instead).',
      from: { path: '^bundler/' },
      to: { path: '^(vite|esbuild)$', dependencyTypesNot: ['type-only', 'unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
