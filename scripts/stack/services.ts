/** The stack's processes: Redis, livekit-server and the Assent server (which also serves the web app). */
import { chmodSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { recordingLayoutUrl } from './recorder-services';
import type { StackConfig } from './stack-config';
import type { ServiceSpec } from './supervisor';

const loopback = '127.0.0.1';

export function redisService(config: StackConfig): ServiceSpec {
  const file = join(config.dataDir, 'redis.conf');
  // In a file of this user's, not on the command line, where every user of the machine could read the
  // password. Nothing is persisted: LiveKit and egress keep only live state in it.
  writeFileSync(
    file,
    [
      `bind ${loopback}`,
      `port ${config.ports.redis}`,
      'save ""',
      'appendonly no',
      `requirepass ${config.secrets.redisPassword}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
  return {
    name: 'redis',
    command: 'redis-server',
    args: [file],
    cwd: config.dataDir,
    healthy: () => redisPing(config.ports.redis, config.secrets.redisPassword),
    startupSeconds: 15,
  };
}

export function livekitService(config: StackConfig, bin: string): ServiceSpec {
  const { ports, secrets } = config;
  const file = join(config.dataDir, 'livekit.yaml');
  // Loopback only; the webhook key must be one of `keys`.
  writeFileSync(
    file,
    [
      `port: ${ports.livekit}`,
      `bind_addresses: [${loopback}]`,
      'rtc:',
      `  tcp_port: ${ports.livekitRtcTcp}`,
      `  udp_port: ${ports.livekitRtcUdp}`,
      `  node_ip: ${loopback}`,
      '  use_external_ip: false',
      '  enable_loopback_candidate: true',
      'redis:',
      `  address: ${loopback}:${ports.redis}`,
      `  password: ${secrets.redisPassword}`,
      'keys:',
      `  ${secrets.livekitApiKey}: ${secrets.livekitApiSecret}`,
      'webhook:',
      `  api_key: ${secrets.livekitApiKey}`,
      `  urls: [http://${loopback}:${ports.server}/api/livekit/webhook]`,
      'logging:',
      '  level: info',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return {
    name: 'livekit',
    command: bin,
    args: ['--config', file],
    healthy: () => httpOk(`http://${loopback}:${ports.livekit}/`),
    startupSeconds: 30,
  };
}

export function livekitWsUrl(config: StackConfig): string {
  return config.externalLivekit?.url ?? `ws://${loopback}:${config.ports.livekit}`;
}

export function serverService(config: StackConfig, extraEnv: NodeJS.ProcessEnv = {}): ServiceSpec {
  const { ports, secrets } = config;
  return {
    name: 'server',
    command: join(config.rootDir, 'node_modules/.bin/tsx'),
    args: ['apps/server/src/index.ts'],
    cwd: config.rootDir,
    env: {
      HOST: loopback,
      PORT: String(ports.server),
      DATABASE_URL: config.databaseUrl,
      LIVEKIT_URL: livekitWsUrl(config),
      LIVEKIT_API_KEY: secrets.livekitApiKey,
      LIVEKIT_API_SECRET: secrets.livekitApiSecret,
      INVITE_SECRET: secrets.inviteSecret,
      AUTH_SECRET: secrets.authSecret,
      // A keys file the person keeps outside the data directory wins over the generated keys.
      ...(process.env.VAULT_MASTER_KEYS_FILE
        ? { VAULT_MASTER_KEYS_FILE: process.env.VAULT_MASTER_KEYS_FILE }
        : { VAULT_MASTER_KEYS: secrets.vaultMasterKeys }),
      VAULT_DIR: join(config.dataDir, 'vault'),
      PUBLIC_URL: config.publicUrl,
      WEB_DIST_DIR: join(config.rootDir, 'apps/web/dist'),
      // Our egress writes where the server expects files and opens our layout page on our server.
      ...(config.externalLivekit
        ? {}
        : {
            RECORDINGS_DIR: config.recordingsDir,
            RECORDING_LAYOUT_URL: recordingLayoutUrl(config),
          }),
      ...extraEnv,
    },
    healthy: () => httpOk(`http://${loopback}:${ports.server}/api/health`),
    startupSeconds: 60,
  };
}

async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
  return res.ok;
}

/** Whether Redis answers PING, after AUTH with `password` when one is given. */
export function redisPing(port: number, password?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: loopback, port });
    let answer = '';
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => {
      // RESP arrays, so a password is sent as one argument whatever it holds.
      const auth = password ? `*2\r\n$4\r\nAUTH\r\n$${Buffer.byteLength(password)}\r\n${password}\r\n` : '';
      socket.write(`${auth}*1\r\n$4\r\nPING\r\n`);
    });
    socket.on('data', (data) => {
      answer += data.toString();
      const replies = answer.split('\r\n').filter(Boolean);
      if (replies.length < (password ? 2 : 1)) return;
      socket.destroy();
      resolve(replies.at(-1) === '+PONG' && replies.every((reply) => !reply.startsWith('-')));
    });
  });
}
