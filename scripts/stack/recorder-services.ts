/**
 * The recording engine's processes: a PulseAudio server of the stack's own (egress routes each recording's
 * audio through a sink on it) and LiveKit Egress, configured for this machine and pointed at our layout page.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StackConfig } from './stack-config';
import type { ServiceSpec } from './supervisor';

const loopback = '127.0.0.1';

/** Where the stack's PulseAudio listens; egress and the Chrome it starts find it through PULSE_SERVER. */
function pulseDir(config: StackConfig): string {
  return join(config.dataDir, 'pulse');
}

export function pulseEnv(config: StackConfig): NodeJS.ProcessEnv {
  const dir = pulseDir(config);
  return { PULSE_RUNTIME_PATH: dir, PULSE_SERVER: `unix:${join(dir, 'native')}`, PULSE_STATE_PATH: dir };
}

export function pulseaudioService(config: StackConfig): ServiceSpec {
  const dir = pulseDir(config);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    name: 'pulseaudio',
    command: 'pulseaudio',
    // No system configuration (it probes sound cards and D-Bus); just a socket nobody else can reach and a
    // silent default sink. Egress adds one null sink per recording itself.
    args: [
      '--daemonize=no',
      '-n',
      '--exit-idle-time=-1',
      '--disallow-exit',
      '--use-pid-file=no',
      '--log-target=stderr',
      `--load=module-native-protocol-unix auth-anonymous=1 socket=${join(dir, 'native')}`,
      '--load=module-null-sink sink_name=assent_silence',
      '--load=module-always-sink',
    ],
    env: { ...pulseEnv(config), HOME: dir },
    healthy: () => pactlAnswers(config),
    startupSeconds: 15,
  };
}

/** The page egress opens for a room composite: ours, served by the Assent server. */
export function recordingLayoutUrl(config: StackConfig): string {
  return `http://${loopback}:${config.ports.server}/recording-layout/`;
}

export function egressService(config: StackConfig, bin: string): ServiceSpec {
  const { ports, secrets } = config;
  const file = join(config.dataDir, 'egress.yaml');
  // Egress keeps per-recording scratch files here whatever its config says.
  mkdirSync('/home/egress/tmp', { recursive: true });
  writeFileSync(
    file,
    [
      `api_key: ${secrets.livekitApiKey}`,
      `api_secret: ${secrets.livekitApiSecret}`,
      `ws_url: ws://${loopback}:${ports.livekit}`,
      // The recorder's Chrome connects to LiveKit over plain ws on loopback.
      'insecure: true',
      'redis:',
      `  address: ${loopback}:${ports.redis}`,
      `  password: ${secrets.redisPassword}`,
      // Its health, template and metrics servers would listen on every interface; we need none of them.
      'template_port: 0',
      `template_base: ${recordingLayoutUrl(config)}`,
      'logging:',
      '  level: info',
      // Two cores: the default costs (a room composite asks for 2+ cores) would refuse every request.
      'cpu_cost:',
      '  room_composite_cpu_cost: 0.5',
      '  audio_room_composite_cpu_cost: 0.3',
      '  web_cpu_cost: 0.5',
      '  audio_web_cpu_cost: 0.3',
      '  participant_cpu_cost: 0.3',
      '  track_composite_cpu_cost: 0.3',
      '  track_cpu_cost: 0.2',
      '  max_cpu_utilization: 0.95',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return {
    name: 'egress',
    command: bin,
    args: ['--config', file],
    // Egress starts each recording by running `egress run-handler`, found on PATH.
    env: { ...pulseEnv(config), PATH: `${dirname(bin)}:${process.env.PATH ?? ''}` },
    // The only sign egress gives that it has registered with LiveKit through Redis.
    healthy: async (log) => log().includes('service ready'),
    startupSeconds: 30,
    restartOnExit: true,
  };
}

function pactlAnswers(config: StackConfig): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('pactl', ['info'], { env: { ...process.env, ...pulseEnv(config) }, timeout: 2000 }, (error) =>
      resolve(!error),
    );
  });
}
