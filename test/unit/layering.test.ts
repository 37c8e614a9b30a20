import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');

async function ruleErrors(rule: string, file: string, source: string): Promise<number> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).length;
}

const restrictedImports = (file: string, source: string) => ruleErrors('no-restricted-imports', file, source);

/** DESIGN.md's import rules, proved against the real lint config: each forbidden import fails, each allowed one passes. */
describe('layering lint rules', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/x.ts', "import { ipcMain } from 'electron';"],
    ['shared/x.ts', "import { createCore } from '../main/core';"],
    ['shared/contract/x.ts', "import { useState } from 'react';"],
    ['renderer/src/x.ts', "import { createCore } from '../../main/core';"],
    ['renderer/src/x.ts', "import { buildServer } from '../../server/app';"],
    ['renderer/src/x.ts', "import { join } from 'node:path';"],
    ['renderer/src/x.tsx', "import Database from 'better-sqlite3';"],
    ['main/core/x.ts', "import { app } from 'electron';"],
    ['main/core/x.ts', "import Fastify from 'fastify';"],
    ['main/db/x.ts', "import { createServer } from 'node:http';"],
    ['main/core/x.ts', "import { createIpcRouter } from '../ipc/router';"],
    ['server/x.ts', "import { createIpcRouter } from '../main/ipc/router';"],
    ['server/x.ts', "import { app } from 'electron';"],
    ['main/preload/x.ts', "import { createCore } from '../core';"],
  ])('%s may not: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBe(1);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['shared/contract/x.ts', "import { Id } from '../domain/values';"],
    ['renderer/src/x.ts', "import { procedures } from '../../shared';"],
    ['main/core/x.ts', "import { createHash } from 'node:crypto';"],
    ['main/core/x.ts', "import { openSqlite } from '../db';"],
    ['server/x.ts', "import { createCore } from '../main/core';"],
    ['main/ipc/x.ts', "import { ipcMain } from 'electron';"],
  ])('%s may: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBe(0);
  });
});

/** The renderer's features talk only through each other's index.ts, and never in a circle. */
describe('renderer feature boundaries', () => {
  const deep = (file: string, source: string) => ruleErrors('import-x/no-restricted-paths', file, source);

  it.each([
    ['renderer/src/features/brief/x.ts', "import { CaseList } from '../cases/CaseList';\nexport const x = CaseList;"],
    [
      'renderer/src/features/customer/x.tsx',
      "import { OffersPanel } from '../promises/offers/OffersPanel';\nexport const x = OffersPanel;",
    ],
    ['renderer/src/app/x.tsx', "import { Timeline } from '../features/timeline/Timeline';\nexport const x = Timeline;"],
    ['renderer/src/state/x.ts', "import { CaseList } from '../features/cases';\nexport const x = CaseList;"],
  ])('%s may not: %s', async (file, source) => {
    expect(await deep(file, source)).toBe(1);
  });

  it.each([
    ['renderer/src/features/brief/x.ts', "import { CaseList } from '../cases';\nexport const x = CaseList;"],
    ['renderer/src/app/x.tsx', "import { Timeline } from '../features/timeline';\nexport const x = Timeline;"],
    [
      'renderer/src/features/promises/commitments/x.ts',
      "import { requestFor } from '../escalations/offer-escalation';\nexport const x = requestFor;",
    ],
  ])('%s may: %s', async (file, source) => {
    expect(await deep(file, source)).toBe(0);
  });

  it('refuse two features that import each other', async () => {
    const features = join(root, 'renderer', 'src', 'features');
    const a = join(features, '__cycle_probe_a__');
    const b = join(features, '__cycle_probe_b__');
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    const sourceA = "import { b } from '../__cycle_probe_b__';\nexport const a = (): number => b() + 1;\n";
    const sourceB = "import { a } from '../__cycle_probe_a__';\nexport const b = (): number => a() - 1;\n";
    writeFileSync(join(a, 'index.ts'), sourceA);
    writeFileSync(join(b, 'index.ts'), sourceB);
    try {
      expect(await ruleErrors('import-x/no-cycle', 'renderer/src/features/__cycle_probe_a__/index.ts', sourceA)).toBe(1);
      // One way only is no cycle.
      expect(
        await ruleErrors('import-x/no-cycle', 'renderer/src/features/__cycle_probe_b__/index.ts', 'export const b = (): number => 1;\n'),
      ).toBe(0);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('tsconfig project references', () => {
  it('refuse a shared/ file that reaches into main/ or Node', () => {
    const probe = join(root, 'shared', '__layering_probe__.ts');
    // Written aside, dated long ago, then moved in: test/smoke/shell-build.ts rebuilds out/ when a
    // file in shared/ is newer than the bundles, and must not do so under a test running beside this one.
    const draft = join(root, '.cache', '__layering_probe__.ts');
    mkdirSync(join(root, '.cache'), { recursive: true });
    writeFileSync(
      draft,
      "import { createChangeBus } from '../main/core/events';\nimport { readFileSync } from 'node:fs';\nexport const probe = [createChangeBus, readFileSync];\n",
    );
    utimesSync(draft, 0, 0);
    renameSync(draft, probe);
    try {
      let output = '';
      try {
        execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'shared/tsconfig.json', '--noEmit'], {
          cwd: root,
          encoding: 'utf8',
        });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout);
      }
      expect(output).toMatch(/__layering_probe__\.ts.*TS6307/);
      expect(output).toMatch(/__layering_probe__\.ts.*TS2307: Cannot find module 'node:fs'/);
    } finally {
      rmSync(probe, { force: true });
    }
  }, 60_000);
});
