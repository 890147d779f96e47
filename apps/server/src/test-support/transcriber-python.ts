/**
 * The Python the real transcription worker runs under, for the tests that start it: the one the test
 * command exports (ASSENT_TRANSCRIBER_PYTHON), else the cached environment `scripts/ensure-transcriber.sh`
 * built. Undefined when neither is there (a developer's machine without it), so those tests can skip.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export function installedPython(): string | undefined {
  if (process.env.ASSENT_TRANSCRIBER_PYTHON) return process.env.ASSENT_TRANSCRIBER_PYTHON;
  try {
    const path = execFileSync('bash', [join(repoRoot, 'scripts/ensure-transcriber.sh'), '--cached'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return path || undefined;
  } catch {
    return undefined;
  }
}
