/** What the stack leaves on disk is its user's alone, and its Redis answers nobody without the password. */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { egressService } from './recorder-services';
import { livekitService, redisPing, redisService } from './services';
import { resolveStackConfig } from './stack-config';
import { Supervisor } from './supervisor';

const scratch = mkdtempSync(join(tmpdir(), 'assent-stack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the stack on disk', () => {
  it('keeps its data and log directories and its secrets to this user, also in an older install', () => {
    const dataDir = join(scratch, 'older-install');
    mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'logs'), 0o755);
    writeFileSync(join(dataDir, 'secrets.json'), '{}', { mode: 0o644 });
    const config = resolveStackConfig({}, { dataDir });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(config.logDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'secrets.json'))).toBe(0o600);
    expect(config.secrets.redisPassword.length).toBeGreaterThanOrEqual(32);
    // Generated once, kept after.
    expect(resolveStackConfig({}, { dataDir }).secrets.redisPassword).toBe(config.secrets.redisPassword);
  });

  it('configures LiveKit and egress with the Redis password, in files only this user can read', () => {
    const config = resolveStackConfig({}, { dataDir: join(scratch, 'configs') });
    const password = config.secrets.redisPassword;
    livekitService(config, '/bin/true');
    egressService(config, '/bin/true');
    for (const name of ['livekit.yaml', 'egress.yaml']) {
      const file = join(config.dataDir, name);
      expect(readFileSync(file, 'utf8'), name).toContain(`  password: ${password}\n`);
      expect(modeOf(file), name).toBe(0o600);
    }
  });
});

describe("the stack's Redis", () => {
  it('refuses clients without the password; its config and log are this user’s alone', async () => {
    const port = await freePort();
    const config = resolveStackConfig({}, { dataDir: join(scratch, 'redis'), ports: { redis: port } });
    const supervisor = new Supervisor(config.logDir, (name, reason) => {
      throw new Error(`${name} died: ${reason}`);
    });
    try {
      const redis = await supervisor.start(redisService(config));
      expect(await redisPing(port, config.secrets.redisPassword)).toBe(true);
      expect(await redisPing(port)).toBe(false);
      expect(await redisPing(port, 'not-the-password')).toBe(false);
      expect(modeOf(join(config.dataDir, 'redis.conf'))).toBe(0o600);
      expect(modeOf(join(config.logDir, 'redis.log'))).toBe(0o600);
      // Not on its command line, which every user of the machine can read.
      const commandLine = readFileSync(`/proc/${redis.child.pid}/cmdline`, 'utf8');
      expect(commandLine).toContain('redis');
      expect(commandLine).not.toContain(config.secrets.redisPassword);
    } finally {
      await supervisor.stopAll();
    }
  });
});
