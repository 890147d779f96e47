import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { buildTestApp } from '../test-support/test-app';
import { livekitSources } from './page-security';

/** A built web app as Vite and the precompress plugin leave it: files with .br and .gz copies. */
const dist = mkdtempSync(join(tmpdir(), 'assent-web-'));
const script = `console.log(${JSON.stringify('Assent '.repeat(400))});`;
mkdirSync(join(dist, 'assets'));
mkdirSync(join(dist, 'recording-layout'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Assent</title>');
writeFileSync(join(dist, 'recording-layout', 'index.html'), '<!doctype html><title>Assent recording</title>');
writeFileSync(join(dist, 'assets', 'app-1234.js'), script);
writeFileSync(join(dist, 'assets', 'app-1234.js.br'), brotliCompressSync(script));
writeFileSync(join(dist, 'assets', 'app-1234.js.gz'), gzipSync(script));
mkdirSync(join(dist, 'build-manifests'));
writeFileSync(join(dist, 'build-manifests', 'app.json'), '{"index.html":{"file":"assets/app-1234.js"}}');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

async function web(env: Record<string, string> = {}) {
  const { db } = connectDatabase({ kind: 'sqlite', filename: ':memory:' });
  await migrateToLatest(db);
  return buildTestApp(db, { WEB_DIST_DIR: dist, ...env }).app;
}

/** A CSP header as directive → sources. */
function directives(res: Response): Record<string, string[]> {
  const csp = res.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('security headers on the pages', () => {
  it('gives every app page a CSP allowing only this origin and the LiveKit server, no framing, no Referer', async () => {
    const app = await web({ LIVEKIT_URL: 'wss://media.example.org:7443' });
    for (const path of ['/', '/join/a-token-in-the-path', '/recordings', '/assets/app-1234.js']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const csp = directives(res);
      expect(csp['script-src'], path).toEqual(["'self'"]);
      expect(csp['connect-src'], path).toEqual([
        "'self'",
        'wss://media.example.org:7443',
        'https://media.example.org:7443',
      ]);
      expect(csp['frame-ancestors'], path).toEqual(["'none'"]);
      expect(csp['object-src'], path).toEqual(["'none'"]);
      expect(csp['base-uri'], path).toEqual(["'none'"]);
      expect(csp['default-src'], path).toEqual(["'self'"]);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('gives a page that does not exist the same headers', async () => {
    const app = await web();
    const res = await app.request('/assets/missing-9999.js');
    expect(res.status).toBe(404);
    expect(directives(res)['script-src']).toEqual(["'self'"]);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lets the recording layout reach LiveKit and its own server (the whiteboard) and nothing else, without camera or microphone', async () => {
    const app = await web();
    const res = await app.request('/recording-layout/?url=ws%3A%2F%2F127.0.0.1%3A7880&token=abc');
    expect(res.status).toBe(200);
    const csp = directives(res);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'", 'ws://127.0.0.1:7880', 'http://127.0.0.1:7880']);
    expect(csp['form-action']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('permissions-policy')).toContain('microphone=()');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('gives the API docs page a CSP without inline scripts', async () => {
    const res = await (await web()).request('/api/docs');
    expect(res.status).toBe(200);
    expect(directives(res)['script-src']).toEqual(["'self'"]);
    expect(directives(res)['frame-ancestors']).toEqual(["'none'"]);
  });

  it('leaves API answers with the API headers', async () => {
    const res = await (await web()).request('/api/health');
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets a LiveKit Cloud project move between its regional hosts', () => {
    expect(livekitSources('wss://tutoring-abc.livekit.cloud')).toEqual([
      'wss://tutoring-abc.livekit.cloud',
      'https://tutoring-abc.livekit.cloud',
      'wss://*.livekit.cloud',
      'https://*.livekit.cloud',
    ]);
  });
});

describe('precompressed scripts and styles', () => {
  const get = async (encoding?: string) =>
    (await web()).request('/assets/app-1234.js', {
      headers: encoding ? { 'accept-encoding': encoding } : {},
    });

  it('sends brotli to a browser that accepts it', async () => {
    const res = await get('gzip, deflate, br, zstd');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const res = await get('gzip');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
  });

  it('never sends an encoding the client refused (q=0)', async () => {
    const res = await get('br;q=0, gzip');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
    const neither = await get('br;q=0, gzip;q=0');
    expect(neither.headers.get('content-encoding')).toBeNull();
    expect(await neither.text()).toBe(script);
  });

  it('sends the file itself to a client that accepts neither, still saying the answer varies', async () => {
    const res = await get();
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(await res.text()).toBe(script);
  });
});

describe("the build's own records", () => {
  it('does not serve the manifests the build writes for the bundle budget, nor the app in their place', async () => {
    const app = await web();
    for (const path of ['/build-manifests/app.json', '/build-manifests/', '/build-manifests']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('assets/app-1234.js');
    }
  });
});
