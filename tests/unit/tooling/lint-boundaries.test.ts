// The folder boundaries of design.md §1 are enforced by ESLint; these tests lint deliberate violations.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint folder boundaries', () => {
  it.each([
    [
      'src-renderer/features/x/bad.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    ['src-renderer/features/x/bad.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['src-renderer/lib/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['src-renderer/lib/bad.ts', "import got from 'got';\nexport const x = got;\n"],
    ['src-renderer/lib/bad.ts', "import { x } from '../../src-main/core/log.js';\nexport const y = x;\n"],
    ['src-main/core/incydr/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-main/emulator/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-main/cli/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-shared/domain/bad.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['src-shared/domain/bad.ts', "import keytar from 'keytar';\nexport const x = keytar;\n"],
    [
      'src-renderer/features/x/Bad.svelte',
      '<script lang="ts">\n  import fs from \'node:fs\';\n  console.log(fs);\n</script>\n',
    ],
    [
      'src-renderer/features/x/bad.svelte.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    ],
  ])('%s rejects: %s', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).not.toHaveLength(0);
  });

  it.each([
    ['src-main/electron/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-main/core/incydr/ok.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    [
      'src-renderer/lib/ok.ts',
      "import { LIMITS } from '../../src-shared/domain/index.js';\nexport const x = LIMITS;\n",
    ],
  ])('%s allows: %s', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([]);
  });
});
