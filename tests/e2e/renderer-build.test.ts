// The E2E tests and the UI benchmarks drive the built renderer: it must be the build the app ships.
// Built from inside vitest (NODE_ENV=test), vite made a Svelte development build: every component
// tagged with its source file, every state change capturing a stack trace. The benchmarks measured
// that, at ~1.3 ms more main-thread time per scrolled frame than the app has.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRenderer } from './fixture.js';

const out = mkdtempSync(join(tmpdir(), 'case-desk-renderer-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the renderer the tests drive', () => {
  it('is a production build, even when the build starts from vitest', () => {
    expect(process.env.NODE_ENV).toBe('test'); // the condition that gave a development build
    buildRenderer(out);
    const assets = join(out, 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const code = scripts.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n');
    // Development builds name each component's source file (for warnings) ...
    expect(code.match(/src-renderer\/[\w/.-]+\.svelte/u)?.[0]).toBeUndefined();
    // ... and lift the stack-trace limit to record where each state change came from.
    expect(code.match(/stackTraceLimit\s*=\s*(?:1\/0|Infinity)/u)?.[0]).toBeUndefined();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<script');
  }, 120_000);
});
