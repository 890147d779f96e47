/**
 * Child process for the peak-memory benchmark: encrypts one file and reports its own peak RSS, so each
 * file size is measured in a fresh process. Usage: encrypt-child.ts SOURCE TARGET DATA_KEY_HEX
 */
import { encryptFile } from '@assent/server/src/vault/crypto/stream-cipher';

const [source, target, keyHex] = process.argv.slice(2);
if (!source || !target || !keyHex) throw new Error('usage: encrypt-child.ts SOURCE TARGET DATA_KEY_HEX');
const started = performance.now();
const sizes = await encryptFile(source, target, Buffer.from(keyHex, 'hex'));
process.stdout.write(
  `${JSON.stringify({
    ...sizes,
    seconds: (performance.now() - started) / 1000,
    // process.resourceUsage().maxRSS is in KiB.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
