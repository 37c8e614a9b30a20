import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');

async function restrictedImports(file: string, source: string): Promise<number> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

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
