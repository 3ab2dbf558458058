/**
 * The house rules ("what never points where", README → Architecture), checked by `npm run lint`.
 * Each rule names a layer boundary; a violation fails the lint. Keep it short: add a rule only with a reason.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle means two parts cannot be understood (or changed) one without the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'machines-are-pure',
      comment: 'machines/ holds the pure lifecycles and rules: nothing from src/, nothing that does I/O.',
      severity: 'error',
      from: { path: '^machines/' },
      to: { path: ['^src/', '^node:', '^(pg|@prisma|@electric-sql|@slack)'] },
    },
    {
      name: 'machines-in-layers',
      comment:
        'machines/shared/ is what both lifecycles build on; pilot/ and coaching/ use it and never each other; the ' +
        'files at the top (catalog, samples, available actions, migrations) span both; docs/ only reads machines.',
      severity: 'error',
      from: { path: '^machines/(shared|pilot|coaching)/' },
      to: { path: '^machines/', pathNot: ['^machines/$1/', '^machines/shared/'] },
    },
    {
      name: 'runtime-knows-no-area',
      comment: 'The change path is the same for every area; areas plug in through hooks set up in src/wiring.',
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: {
        path: '^src/(projects|review|digests|home|settings|roles|preferences|batches|listeners|views|wiring)/',
      },
    },
    {
      name: 'views-are-pure',
      comment: 'View builders take plain data and a language: no database, no runtime, no use case.',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: ['^src/db/', '^src/runtime/', '^src/wiring/', '^src/listeners/', '^(pg|@prisma|@electric-sql)'] },
    },
    {
      name: 'listeners-are-thin',
      comment: 'Listeners ack, parse, call a use case and render: no Prisma, no machines, no runtime, no database.',
      severity: 'error',
      from: { path: '^src/listeners/' },
      to: { path: ['^src/db/', '^src/runtime/', '^machines/', '^(pg|@prisma|@electric-sql)'] },
    },
    {
      name: 'only-db-knows-prisma',
      comment: 'Only src/db knows the engine and imports Prisma, its generated client and its generated types.',
      severity: 'error',
      from: { path: '^(src|scripts)/', pathNot: '^src/db/' },
      to: { path: ['^src/db/generated/', '^(@prisma|pg$|@electric-sql|pglite-prisma-adapter)'] },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^src/db/generated/'] },
    exclude: { path: ['node_modules'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
