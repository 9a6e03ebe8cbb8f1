// HTTPS_PROXY: the client tunnels through the proxy with CONNECT, and a refusing proxy reads as PROXY.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { IncydrClient, IncydrError } from '../../../src-main/core/incydr/index.js';

const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('proxy', () => {
  it('sends CONNECT for the Incydr host through HTTPS_PROXY and maps a refusal to PROXY', async () => {
    const connects: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req, socket) => {
      connects.push(req.url ?? '');
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      process.env.HTTPS_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      delete process.env.NO_PROXY;
      const client = new IncydrClient({
        baseUrl: 'https://api.us.code42.com',
        clientId: 'key-x',
        clientSecret: 'not-a-real-secret',
        retry: { limit: 0 },
      });
      const error = await client.authenticate().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IncydrError);
      expect((error as IncydrError).code).toBe('PROXY');
      expect(connects).toEqual(['api.us.code42.com:443']);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('goes direct for hosts listed in NO_PROXY', async () => {
    const connects: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req, socket) => {
      connects.push(req.url ?? '');
      socket.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      process.env.HTTPS_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      process.env.NO_PROXY = '.invalid';
      const client = new IncydrClient({
        baseUrl: 'https://incydr.invalid',
        clientId: 'key-x',
        clientSecret: 'not-a-real-secret',
        retry: { limit: 0 },
      });
      const error = (await client.authenticate().catch((e: unknown) => e)) as IncydrError;
      expect(error.code).toBe('HOST_NOT_FOUND');
      expect(connects).toEqual([]);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
