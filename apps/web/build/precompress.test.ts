import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compressTree } from './precompress';

describe('precompressing the build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assent-dist-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a brotli and a gzip copy of each script, stylesheet and page worth compressing', async () => {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    const script = `export const words = ${JSON.stringify('consent '.repeat(500))};`;
    const style = `.banner { color: red; }\n`.repeat(100);
    writeFileSync(join(dir, 'assets', 'app-1.js'), script);
    writeFileSync(join(dir, 'assets', 'app-1.css'), style);
    writeFileSync(join(dir, 'assets', 'app-1.js.map'), script);
    writeFileSync(join(dir, 'assets', 'tiny-1.js'), 'export {}');
    await compressTree(dir);

    const file = (name: string) => readFileSync(join(dir, 'assets', name));
    expect(brotliDecompressSync(file('app-1.js.br')).toString()).toBe(script);
    expect(gunzipSync(file('app-1.js.gz')).toString()).toBe(script);
    expect(brotliDecompressSync(file('app-1.css.br')).toString()).toBe(style);
    expect(file('app-1.js.br').length).toBeLessThan(file('app-1.js.gz').length);
    // Source maps are for developers; a file of a few bytes gains nothing.
    expect(existsSync(join(dir, 'assets', 'app-1.js.map.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'tiny-1.js.br'))).toBe(false);
  });
});
