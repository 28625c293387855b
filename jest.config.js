// One jest run, three tiers (as immich does): unit tests of pure code, integration tests of one
// service or lib against real PostgreSQL and Kafka, and end-to-end tests of the running platform.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// NestJS 12, jose 6 and cookie 2 (light-my-request's, under @nestjs/platform-fastify) ship only as ES
// modules. Node 24 require()s them in the build, but jest's own module loader does not: these few are
// compiled to CommonJS like our sources (every other package is left as it is).
const esmOnly = ['@nestjs', 'jose', 'cookie'];
const swcEsm = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' } },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.js$': swcEsm },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.local/'],
};

module.exports = {
  // Global (per-project values do not reach hooks): integration and e2e suites start real services.
  testTimeout: 180_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services,tools}/*/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,tools}/*/test/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
    },
    // The Helm chart rendered by the real helm binary: run by scripts/deploy/check.sh, which installs it.
    {
      ...common,
      displayName: 'deploy',
      testMatch: ['<rootDir>/helm/**/test/*.spec.ts'],
    },
  ],
};
