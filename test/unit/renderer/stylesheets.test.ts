import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..', '..');
const renderer = join(root, 'renderer');
const MAX_LINES = 300;

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** Styles live beside what they style, one small sheet each: none grows back into a thousand lines. */
describe('renderer stylesheets', () => {
  const sheets = stylesheets(renderer);

  it('exist (the walk found them)', () => {
    expect(sheets.length).toBeGreaterThan(5);
  });

  it.each(sheets.map((path) => [relative(root, path), path]))(`%s has at most ${MAX_LINES} lines`, (_name, path) => {
    const lines = readFileSync(path, 'utf8').replace(/\n$/, '').split('\n').length;
    expect(lines).toBeLessThanOrEqual(MAX_LINES);
  });

  it('keep styles/ to the global sheets: tokens, base, layout and the shared controls', () => {
    const global = sheets
      .filter((path) => relative(renderer, path).startsWith(join('src', 'styles')))
      .map((path) => relative(join(renderer, 'src', 'styles'), path));
    expect(global.sort()).toEqual(['base.css', 'controls.css', 'dialogs.css', 'layout.css', 'notices.css', 'tones.css']);
  });
});
