/**
 * What the command line exports joins the app's export library: the CLI drops its entries into an
 * inbox folder and the library (the app's, possibly open all along) takes them in on its next read,
 * since a second process writing library.json would lose entries. An inbox file taken in twice adds
 * nothing twice; an unreadable one is moved aside and keeps nothing else out.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExportLibrary } from '../../../src-main/core/library/index.js';
import { inboxDir, postToInbox } from '../../../src-main/core/library/library-inbox.js';
import type { InboxEntry } from '../../../src-main/core/library/library-inbox.js';
import { inboxEntry } from '../../fixtures/inbox-entry.js';
import { startCliHarness } from '../cli/helpers.js';
import type { CliHarness } from '../cli/helpers.js';
import { sha256, tempFolder } from './helpers.js';

let h: CliHarness;
let dataDir: string;
let folder: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  h = await startCliHarness({ cases: 6, seed: 31 });
});
afterAll(() => h.close());
beforeEach(async () => {
  const data = await tempFolder('inbox-data');
  const files = await tempFolder('inbox-files');
  dataDir = data.folder;
  folder = files.folder;
  cleanups.push(data.remove, files.remove);
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const entry = (name: string, caseNumber: number): InboxEntry => inboxEntry(folder, caseNumber, name);

describe('CLI exports in the app’s export library', () => {
  it('cases export and cases download are listed by the library that was open meanwhile', async () => {
    const app = new ExportLibrary(dataDir, { writeIntervalMs: 0 });
    expect(await app.list(null)).toEqual([]);
    const env = { CASE_DESK_DATA_DIR: dataDir };

    const exported = await h.run(['cases', 'export', '--cases', '1,2', '--kind', 'pdf', '--path', folder], {
      env,
    });
    expect(exported.code).toBe(0);
    const downloaded = await h.run(['cases', 'download', '3', '--file-events', '--path', folder], { env });
    expect(downloaded.code).toBe(0);

    const key = `tenant:${h.emu.url}|${h.emu.clientId}`; // what the app files this connection under
    const listed = await app.list(key);
    expect(listed.map((e) => [e.caseNumber, e.kind, e.jobId]).sort()).toEqual([
      [1, 'pdf', null],
      [2, 'pdf', null],
      [3, 'csv', null],
    ]);
    for (const e of listed) {
      const bytes = await readFile(e.path);
      expect(path.dirname(e.path)).toBe(folder);
      expect([e.bytes, e.sha256]).toEqual([bytes.length, sha256(bytes)]);
      const shown = await h.run(['cases', 'show', String(e.caseNumber), '-f', 'json'], { env });
      expect(e.caseName).toBe((JSON.parse(shown.stdout) as { name: string }).name);
    }
    // Taken in and saved: the inbox is empty, and a restarted app lists the same entries.
    expect(await readdir(inboxDir(dataDir))).toEqual([]);
    const restarted = new ExportLibrary(dataDir);
    expect((await restarted.list(null)).map((e) => e.entryId).sort()).toEqual(
      listed.map((e) => e.entryId).sort(),
    );
  });

  it('an inbox file taken in twice adds its entries once', async () => {
    await postToInbox(dataDir, [entry('a.pdf', 1), entry('b.pdf', 2)]);
    const [name] = await readdir(inboxDir(dataDir));
    const text = await readFile(path.join(inboxDir(dataDir), name as string), 'utf8');
    const library = new ExportLibrary(dataDir, { writeIntervalMs: 0 });
    expect(await library.list(null)).toHaveLength(2);
    // As if the app had stopped after saving the library but before deleting the inbox file.
    await writeFile(path.join(inboxDir(dataDir), name as string), text);
    expect(await library.list(null)).toHaveLength(2);
    expect(await new ExportLibrary(dataDir).list(null)).toHaveLength(2);
  });

  it('an unreadable inbox file is moved aside; the others still come in', async () => {
    await postToInbox(dataDir, [entry('a.pdf', 1)]);
    const broken = `0000000000001-${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.json`;
    await writeFile(path.join(inboxDir(dataDir), broken), '{ "version": 1, "entries": [ oops');
    const library = new ExportLibrary(dataDir, { writeIntervalMs: 0 });
    expect((await library.list(null)).map((e) => e.fileName)).toEqual(['a.pdf']);
    const left = await readdir(inboxDir(dataDir));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^${broken.replace('.', '\\.')}\\.corrupt-`, 'u'));
  });

  it('an unreadable library.json still fails its first read with SETTINGS_CORRUPT; the inbox comes in after', async () => {
    await writeFile(path.join(dataDir, 'library.json'), '{ oops');
    await postToInbox(dataDir, [entry('a.pdf', 1)]);
    const library = new ExportLibrary(dataDir, { writeIntervalMs: 0 });
    await expect(library.list(null)).rejects.toMatchObject({ code: 'SETTINGS_CORRUPT' });
    expect((await library.list(null)).map((e) => e.fileName)).toEqual(['a.pdf']);
    expect(await readdir(inboxDir(dataDir))).toEqual([]);
  });
});
