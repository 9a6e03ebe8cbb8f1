/** Shared by the credentials tests here and the keychain tests: file search, a recording proxy. */
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every regular file under `root` (following no symlinks), as absolute paths. */
export async function allFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  await walk(root);
  return out;
}

/**
 * The files under `root` whose bytes contain any of `needles` (as UTF-8, as UTF-16LE and base64, so
 * a secret stored in another encoding is found too).
 */
export async function filesContaining(root: string, needles: readonly string[]): Promise<string[]> {
  const patterns = needles.flatMap((n) => [
    Buffer.from(n, 'utf8'),
    Buffer.from(n, 'utf16le'),
    Buffer.from(Buffer.from(n, 'utf8').toString('base64').replace(/=+$/u, ''), 'utf8'),
  ]);
  const hits: string[] = [];
  for (const file of await allFiles(root)) {
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    if (patterns.some((p) => bytes.includes(p))) hits.push(file);
  }
  return hits;
}

export interface RecordingProxy {
  url: string;
  /** Every Authorization header forwarded, in order. */
  seen: string[];
  close(): Promise<void>;
}

/** A loopback HTTP proxy to `target` that records the Authorization headers the client sends. */
export async function recordingProxy(target: string): Promise<RecordingProxy> {
  const seen: string[] = [];
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    if (req.headers.authorization) seen.push(req.headers.authorization);
    const upstream = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The bearer tokens and Basic credentials among recorded Authorization headers. */
export function credentialsSeen(seen: readonly string[]): { bearers: string[]; basics: string[] } {
  const of = (scheme: string): string[] => [
    ...new Set(seen.filter((h) => h.startsWith(`${scheme} `)).map((h) => h.slice(scheme.length + 1))),
  ];
  return { bearers: of('Bearer'), basics: of('Basic') };
}
