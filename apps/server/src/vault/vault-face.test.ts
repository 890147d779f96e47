/**
 * The vault is used through its face: nothing outside `vault/` reaches its cipher or key store, and
 * configuration checks master keys through the one module that loads neither.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports, as written. */
const importsOf = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');

describe('the vault’s face', () => {
  it('keeps its cipher and key store to itself', () => {
    const outside = sourceFiles(src).filter((path) => !relative(src, path).startsWith('vault/'));
    expect(outside.length).toBeGreaterThan(50);
    const reaching = outside.flatMap((path) =>
      importsOf(path)
        .filter((spec) => /(^|\/)vault\/crypto\//.test(spec))
        .map((spec) => `${relative(src, path)} → ${spec}`),
    );
    expect(reaching).toEqual([]);
  });

  it('lets configuration parse master keys without loading the key store', () => {
    const fromVault = importsOf(join(src, 'config.ts')).filter((spec) => spec.includes('vault/'));
    expect(fromVault).toEqual(['./vault/master-keys-source']);
    const parserImports = importsOf(join(src, 'vault/master-keys-source.ts')).filter((spec) =>
      spec.startsWith('.'),
    );
    expect(parserImports).toEqual(['./vault-errors']);
    expect(importsOf(join(src, 'vault/vault-errors.ts'))).toEqual([]);
  });
});
