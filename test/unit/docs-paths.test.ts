import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every file path a README.md (any folder) or docs/*.md names must exist, so the docs cannot quietly
 * point at files that were moved or deleted.
 *
 * The heuristic, kept small on purpose:
 * - Candidates are inline code spans (`like/this.ts`) and markdown link targets ([x](like/this.md)),
 *   outside fenced code blocks (those hold commands and snippets, not references).
 *   A link's `#anchor` and a code span's trailing `: symbol` (`file.ts: checkGrant`) are dropped.
 * - A candidate is a repo path when it contains a `/` or ends in one of PATH_EXTENSIONS, and it is not:
 *   a URL or scheme (`https:`, `app://`, `node:*`, `tel:`), an absolute or parent path (`/usr/bin/x`,
 *   `/api/rpc`, `../../shared`: system paths, routes and import specifiers), a glob or placeholder
 *   (`*`, `?`, `<name>`, `{a,b}`, `…`, `NNNN_name.ts`), text with spaces or code punctuation
 *   (`POST /api/x`, `a|b`, `f(x)`, `k=v`), a command-line flag, an npm package (`@scope/name`), a bare
 *   extension (`.mjs`), or a generated or runtime location
 *   (GENERATED_ROOTS: build output, caches, test results, the data dir, Electron's userData).
 * - It resolves against the repo root, else the document's own folder, else that folder's `src/`
 *   (a package README may name files relative to its source root). A bare file name (no `/`) may
 *   also be anywhere under the document's folder (the repo, for docs/), since a README often says
 *   `brief.css` in the sentence about its folder.
 */
const root = join(import.meta.dirname, '../..');

const PATH_EXTENSIONS = ['ts', 'tsx', 'mts', 'mjs', 'cjs', 'js', 'json', 'md', 'css', 'html', 'yml', 'yaml', 'sql'];
const GENERATED_ROOTS = [
  'out/',
  'dist/',
  '.data',
  '.cache',
  '.tsbuild',
  'test-results/',
  'playwright-report/',
  'node_modules/',
  'userData/',
  'bench/results/',
];
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', '.git', '.data', '.cache', '.tsbuild', 'test-results', 'playwright-report']);

/** The strings in a markdown document that are meant as repo paths. */
export function extractPaths(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const raw: string[] = [];
  for (const m of prose.matchAll(/`([^`\n]+)`/g)) raw.push(m[1]!.trim().replace(/^(\S+): \S.*$/, '$1'));
  for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) raw.push(m[1]!.replace(/#.*$/, ''));
  const paths = raw.map((s) => s.replace(/^\.\//, '')).filter(looksLikeRepoPath);
  return [...new Set(paths)];
}

function looksLikeRepoPath(s: string): boolean {
  if (s === '' || /\s/.test(s)) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return false; // URL or scheme
  if (s.startsWith('/') || s.startsWith('-') || s.startsWith('@') || s.split('/').includes('..')) return false; // not in the repo, a flag, a package
  if (/[*?<>{}|…,'"()=[\]$\\]/.test(s) || /NNNN/.test(s) || s.includes('...')) return false; // glob, placeholder, code
  if (GENERATED_ROOTS.some((g) => s === g.replace(/\/$/, '') || s.startsWith(g.endsWith('/') ? g : `${g}/`))) return false;
  const ext = new RegExp(`\\.(${PATH_EXTENSIONS.join('|')})$`);
  return s.includes('/') ? /^[\w.@-]+(\/[\w.@-]+)*\/?$/.test(s) : ext.test(s) && /^[\w@-][\w.@-]*$/.test(s); // not a bare `.mjs`
}

function filesUnder(dir: string, out: Set<string> = new Set()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) filesUnder(join(dir, entry.name), out);
    } else out.add(entry.name);
  }
  return out;
}

const namesUnder = new Map<string, Set<string>>();

/** Whether `path`, named in the document `doc` (repo-relative), exists by the rules above. */
export function resolves(path: string, doc: string, repo = root): boolean {
  const folder = dirname(join(repo, doc));
  if ([repo, folder, join(folder, 'src')].some((base) => existsSync(join(base, path)))) return true;
  if (path.includes('/')) return false;
  const scope = doc.startsWith('docs/') ? repo : folder;
  if (!namesUnder.has(scope)) namesUnder.set(scope, filesUnder(scope));
  return namesUnder.get(scope)!.has(basename(path));
}

function documents(dir = root, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) documents(full, out);
    } else if (entry.name === 'README.md' || (relative(root, dir) === 'docs' && entry.name.endsWith('.md'))) {
      out.push(relative(root, full));
    }
  }
  return out.sort();
}

describe('paths named in the docs', () => {
  it('the extractor keeps repo paths and drops what is not one (self-check)', () => {
    const sample = [
      'See `main/core/brief.ts`, `shared/`, [policy](docs/POLICY.md#tables), `canonical.ts` and `checkGrant.ts: checkGrant`.',
      'Not paths: `npm run bench`, `customers.brief`, `https://example.com/a.ts`, `app://kept/`, `node:*`, `bundle/*.json`,',
      '`db/migrations/NNNN_name.ts`, `bench/results/<timestamp>.json`, `/usr/bin/chromium`, `../../../shared`, `main/app|ipc`,',
      '`POST /api/rpc/x`, `--data-dir`, `out/main/index.js`, `.cache/bench/`, `window.kept`, `{ ok: true }`, [site](https://x.org/y),',
      '`@gorules/zen-engine`, `.mjs`, `bench/results/latest.json`.',
      '```sh',
      'cat fenced/block/path.ts',
      '```',
    ].join('\n');
    expect(extractPaths(sample).sort()).toEqual(
      ['canonical.ts', 'checkGrant.ts', 'docs/POLICY.md', 'main/core/brief.ts', 'shared/'].sort(),
    );
  });

  it('a made-up path fails and a real one passes (self-check)', () => {
    expect(resolves('main/core/no-such-file.ts', 'README.md')).toBe(false);
    expect(resolves('no-such-file-anywhere.ts', 'shared/README.md')).toBe(false);
    expect(resolves('shared/phone.ts', 'README.md')).toBe(true);
    expect(resolves('phone.ts', 'shared/README.md')).toBe(true); // the README's own folder
    expect(resolves('phone.ts', 'main/README.md')).toBe(false); // a bare name only counts under the README's folder
    expect(resolves('POLICY.md', 'docs/README.md')).toBe(true);
  });

  it('finds the documents to check', () => {
    const docs = documents();
    expect(docs).toContain('README.md');
    expect(docs).toContain('test/README.md');
    expect(docs).toContain('docs/ARCHITECTURE.md');
  });

  it.each(documents())('%s names only files that exist', (doc) => {
    const missing = extractPaths(readFileSync(join(root, doc), 'utf8')).filter((path) => !resolves(path, doc));
    expect(missing).toEqual([]);
  });
});
