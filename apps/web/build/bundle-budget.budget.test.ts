/**
 * The bundle budget (`bundle-budget.json`): each page's JavaScript, gzipped, within its budget, so no
 * change grows a page silently. Reads the finished build (`npm run build`), so `npm test` runs it right
 * after building, not with the unit tests: `npm run test:budget -w @assent/web`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type BuildName, manifestFiles, pageFiles, readManifest, weigh } from './page-weight';

interface PageBudget {
  name: string;
  build: BuildName;
  modules: string[];
  gzipBytes: number;
}

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const budget = JSON.parse(readFileSync(new URL('../bundle-budget.json', import.meta.url), 'utf8')) as {
  pages: PageBudget[];
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe('bundle budget', () => {
  it('has a build to weigh', () => {
    for (const file of Object.values(manifestFiles)) {
      expect(existsSync(`${dist}${file}`), `${file} in apps/web/dist: run the build first`).toBe(true);
    }
  });

  it.each(budget.pages)('$name stays within its budget', (page) => {
    const weight = weigh(dist, pageFiles(readManifest(dist, page.build), page.modules));
    console.log(
      `${page.name}: ${weight.files} files, gzip ${kb(weight.gzip)} (budget ${kb(page.gzipBytes)}), ` +
        `brotli ${kb(weight.brotli)}, raw ${kb(weight.raw)}`,
    );
    expect(weight.gzip, `${page.name}: gzip bytes over budget`).toBeLessThanOrEqual(page.gzipBytes);
  });
});
