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
      comment: 'View builders take plain data and a language: no database, repository, runtime, wiring or listener.',
      severity: 'error',
      from: { path: '^src/views/' },
      to: {
        path: ['^src/(db|runtime|wiring|listeners)/', '^src/[^/]+/repository\\.ts$', '^(pg|@prisma|@electric-sql)'],
      },
    },
    {
      name: 'views-run-no-use-case',
      comment:
        "A view names an area's data types (type-only) and uses its ids.ts and pure tables (limits, labels, " +
        'formats); it never runs a use case (decision 020).',
      severity: 'error',
      from: { path: '^src/views/' },
      to: {
        path: '^src/(projects|review|deadlines|digests|home|settings|roles|preferences|batches|outbox|scheduler|audit)/',
        pathNot: '/(ids|intake|expert-tags|role-labels|due-text|limits)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'use-cases-render-nothing',
      comment:
        'Use cases return data or enqueue workflow messages as data (rendered when sent, src/outbox/rendered.ts); ' +
        'only listeners and the wiring call views (decision 020).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(views|listeners|wiring|sandbox)/', '^src/(app|server|main)\\.ts$'] },
      to: { path: '^src/views/' },
    },
    {
      name: 'listeners-are-thin',
      comment: 'Listeners ack, parse, call a use case and render: no Prisma, no machines, no runtime, no database.',
      severity: 'error',
      from: { path: '^src/listeners/' },
      to: { path: ['^src/db/', '^src/runtime/', '^machines/', '^(pg|@prisma|@electric-sql)'] },
    },
    {
      name: 'wiring-at-the-entry',
      comment: 'The wiring is assembled where the process starts (app, server, scripts, sandbox); no area reaches it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(app|server|main)\\.ts$', '^src/(wiring|sandbox|listeners)/'] },
      to: { path: '^src/wiring/' },
    },
    {
      name: 'listeners-see-wiring-types',
      comment: 'A listener is handed its area wiring by the app: it names the type, it never builds or imports one.',
      severity: 'error',
      from: { path: '^src/listeners/' },
      to: { path: '^src/wiring/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'wiring-binds-only',
      comment:
        'Wiring binds use cases to their dependencies: no query and no Slack call of its own (use cases do those).',
      severity: 'error',
      from: { path: '^src/wiring/' },
      to: {
        path: ['^src/(db|slack)/', '^(pg|@prisma|@electric-sql|@slack)'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'only-db-knows-prisma',
      comment: 'Only src/db knows the engine and imports Prisma, its generated client and its generated types.',
      severity: 'error',
      from: { path: '^(src|scripts)/', pathNot: '^src/db/' },
      to: { path: ['^src/db/generated/', '^(@prisma|pg$|@electric-sql|pglite-prisma-adapter)'] },
    },
    {
      name: 'database-through-repositories',
      comment:
        "Use cases reach the database through their area's repository.ts (named functions, plain rows); only those " +
        'import the client and its types (src/db/client.ts). Also allowed: the change path and delivery machinery, ' +
        'which own their tables (runtime, outbox, scheduler, metrics), and the composition roots that open the ' +
        'database and hand it on (server, app, services/wiring, sandbox, scripts).',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [
          '^src/db/',
          '^src/[^/]+/repository\\.ts$',
          '^src/(runtime|outbox|scheduler|metrics|wiring|sandbox)/',
          '^src/(server|app|services[^/]*)\\.ts$',
        ],
      },
      to: { path: '^src/db/client\\.ts$' },
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
