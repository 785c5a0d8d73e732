// The map of src/ as rules: layers from the bottom up, and each capability reached only through its front
// door (index.ts). `npm test` runs it (test/architecture.test.ts); ARCHITECTURE.md says the same in words.

/** Bottom to top: a folder may import its own files and the folders before it in this list, never one after. */
const LAYERS = [
  // Libraries every capability may use by path: no domain in them.
  'shared', // pure helpers, domain errors, the text rule, money, priorities, the role table, the Config shape
  'store', // the database and its migrations
  'http', // the HTTP framework: route wrapper, problem details, body parsing; knows no capability
  // Capabilities, lowest first.
  'listening', // sentiment, urgency, language, the text classifier: pure rules over text, needed by others, needing none
  'audit',
  'eventlog', // the durable ingest log (its own database file): appended by the edges, read by the projector
  'staff',
  'sla',
  'teams',
  'interactions',
  'customers',
  'flags',
  'pipeline',
  'templates',
  'gestures',
  'cases',
  'channels',
  'ingest',
  'live',
  'feedback', // surveys (and, to come, ideas): answers through the log onto the timeline, low scores to cases
  'insights', // trends of what customers write, read from the interactions listening enriched; owns no table
  'metrics', // CX metrics per day and dimension, kept current from cases, answers, gestures and listened texts
  'journeys', // stages and touchpoints with targets, measured against the timeline, cases and survey answers
  'retention', // why customers come, stay and leave: acquisition, cohorts, churn with its reasons and experiences
  'privacy',
  // The assembly: wires capabilities into a server and a command line.
  'app',
  'cli',
];
const LIBRARIES = ['shared', 'store', 'http'];
const CAPABILITIES = LAYERS.filter((layer) => !LIBRARIES.includes(layer) && layer !== 'app' && layer !== 'cli');
const ASSEMBLY = ['app', 'cli'];

const folder = (name) => `^src/${name}/`;
const anyOf = (names) => `^src/(${names.join('|')})/`;

const upwardRules = LAYERS.map((layer, index) => {
  const above = LAYERS.slice(index + 1);
  return above.length === 0
    ? null
    : {
        name: `no-upward-from-${layer}`,
        comment: `${layer} sits below ${above.join(', ')} and may not import them; move what both need down, or let the higher one call down`,
        severity: 'error',
        from: { path: folder(layer), pathNot: '\\.test\\.ts$' },
        to: { path: anyOf(above) },
      };
}).filter(Boolean);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules may not import each other in a circle, however long',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'known-folders-only',
      comment: 'Every source file lives in a folder of the layer list (a new capability is added to LAYERS)',
      severity: 'error',
      from: { path: '^src/', pathNot: [anyOf(LAYERS), '^src/main\\.ts$'] },
      to: {},
    },
    ...upwardRules,
    {
      name: 'front-door-only',
      comment: "Another capability is reached through its index.ts, never its store or other internals",
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: [anyOf(ASSEMBLY), '\\.test\\.ts$'] },
      to: { path: anyOf(CAPABILITIES), pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'assembly-uses-front-doors-and-routes',
      comment: 'The app and the CLI take a capability from its index.ts, and its routes from its *routes.ts files',
      severity: 'error',
      from: { path: anyOf(ASSEMBLY), pathNot: '\\.test\\.ts$' },
      to: { path: anyOf(CAPABILITIES), pathNot: ['^src/[^/]+/index\\.ts$', '^src/.+routes\\.ts$'] },
    },
    {
      name: 'no-test-code-in-product',
      comment: 'Product code never imports a test or a test helper',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['\\.test\\.ts$', '^test/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^web/', '^bench/', '^test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
