/**
 * The dependency rule of the hexagon, checked in `npm run lint`. No allow-list.
 * - src/domain imports nothing outside src/domain: no npm package, not even node's own modules.
 * - src/application imports only the domain and itself.
 * - only src/composition-root.ts and src/main.ts import src/infrastructure or src/graphql
 *   from outside them; src/infrastructure and src/graphql do not import each other.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      comment: 'The domain is pure TypeScript: it imports nothing outside src/domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'application-imports-only-domain-and-itself',
      comment: 'Use cases and ports know only the domain and the application layer.',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { pathNot: '^src/(domain|application)/' },
    },
    {
      name: 'only-the-composition-root-wires-adapters',
      comment: 'Adapters are wired in src/composition-root.ts and started by src/main.ts only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(infrastructure|graphql)/|^src/(composition-root|main)\\.ts$' },
      to: { path: '^src/(infrastructure|graphql)/' },
    },
    {
      name: 'infrastructure-does-not-import-graphql',
      severity: 'error',
      from: { path: '^src/infrastructure/' },
      to: { path: '^src/graphql/' },
    },
    {
      name: 'graphql-does-not-import-infrastructure',
      comment: 'Resolvers reach adapters only through ports and use cases.',
      severity: 'error',
      from: { path: '^src/graphql/' },
      to: { path: '^src/infrastructure/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
