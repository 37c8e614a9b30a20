// Lint, and the layering of DESIGN.md as rules: a folder may import only what its README says.
import { readdirSync } from 'node:fs';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Bare Node built-ins are matched exactly (a pattern 'events' would also catch './events').
const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
];
const HOSTS = ['electron', 'fastify', 'ws', 'http', 'https'];

/** Builds a no-restricted-imports rule from forbidden packages and forbidden project folders. */
function layer(message, { packages = [], patterns = [], folders = [] }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({ name, message })),
        patterns: [
          ...(patterns.length ? [{ group: patterns, message }] : []),
          ...folders.map((folder) => ({ group: [`**/${folder}`, `**/${folder}/**`], message })),
        ],
      },
    ],
  };
}

// The renderer's features (renderer/src/features/<name>/). Each exposes what others may use in its
// index.ts; anything else in the folder is its own business.
const FEATURES = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const FEATURE_MESSAGE = "Import another feature only through its index.ts (e.g. '../cases'), never a file inside it.";
const featureBoundaries = [
  ...FEATURES.flatMap((feature) =>
    [...FEATURES.filter((other) => other !== feature).map((other) => `./renderer/src/features/${other}`), './renderer/src/app'].map(
      (target) => ({ target, from: `./renderer/src/features/${feature}`, except: ['./index.ts'], message: FEATURE_MESSAGE }),
    ),
  ),
  {
    target: [
      './renderer/src/state',
      './renderer/src/ui',
      './renderer/src/format',
      './renderer/src/errors',
      './renderer/src/api',
      './renderer/src/i18n',
    ],
    from: './renderer/src/features',
    message: 'state/, ui/, format/, errors/, api/ and i18n/ are shared by the features; they import none.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      '.tsbuild/**',
      'tools/**/node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
      '.data/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer('shared/ is pure TypeScript: it imports nothing from main/, server/, renderer/, Node, Electron or the DOM.', {
      packages: [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'better-sqlite3', 'kysely', 'fastify', 'ws'],
      patterns: ['node:*', '@fastify/*'],
      folders: ['main', 'server', 'renderer'],
    }),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: layer('renderer/ talks only to shared/ (the contract and the API client); never main/, server/, Node or Electron.', {
      packages: [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'kysely', 'fastify', 'ws'],
      patterns: ['node:*', '@fastify/*'],
      folders: ['main', 'server'],
    }),
  },
  {
    // Features talk through each other's index.ts, and no chain of imports comes back where it started.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these the plugin reads only .js files, and no cycle through .ts(x) would ever be seen.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: featureBoundaries }],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/db/**/*.ts', 'main/policy/**/*.ts', 'main/sync/**/*.ts'],
    rules: layer('main/core, db, policy and sync run in every host: no Electron, no HTTP, no UI, and no desktop-only code.', {
      packages: HOSTS,
      patterns: ['node:http', 'node:https', '@fastify/*'],
      folders: ['renderer', 'server', 'main/app', 'main/ipc', 'main/preload', 'app', 'ipc', 'preload'],
    }),
  },
  {
    // The sync runner's event socket is a WebSocket client (ws sends the auth headers Node's own cannot); one file, nothing else.
    files: ['main/sync/event-socket.ts'],
    rules: layer('main/sync/event-socket.ts may use the ws client only.', {
      packages: ['electron', 'fastify', 'http', 'https'],
      patterns: ['node:http', 'node:https', '@fastify/*'],
      folders: ['renderer', 'server', 'main/app', 'main/ipc', 'main/preload', 'app', 'ipc', 'preload'],
    }),
  },
  {
    files: ['server/**/*.ts'],
    rules: layer(
      'server/ reuses shared/ and main/{core,db,policy}; never the desktop shell (main/app, main/ipc, main/preload) or the renderer.',
      {
        packages: ['electron'],
        folders: ['renderer', 'main/app', 'main/ipc', 'main/preload'],
      },
    ),
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: layer('The preload exposes the bridge only; core, db and server code never run in it.', {
      folders: ['main/core', 'main/db', 'main/policy', 'main/sync', 'server', 'renderer', 'core', 'db'],
    }),
  },
);
