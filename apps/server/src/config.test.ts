import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { testEnv } from './test-support/test-app';

const required = {
  LIVEKIT_API_KEY: testEnv.LIVEKIT_API_KEY,
  LIVEKIT_API_SECRET: testEnv.LIVEKIT_API_SECRET,
  INVITE_SECRET: testEnv.INVITE_SECRET,
  AUTH_SECRET: testEnv.AUTH_SECRET,
  VAULT_MASTER_KEYS: testEnv.VAULT_MASTER_KEYS,
};

function errorFor(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('applies defaults and freezes the result', () => {
    const config = loadConfig(required);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      publicUrl: 'http://127.0.0.1:8787',
      inviteTtlHours: 72,
      logLevel: 'info',
      webDistDir: undefined,
      livekit: { url: 'ws://127.0.0.1:7880', apiUrl: 'http://127.0.0.1:7880' },
    });
    expect(config.database.kind).toBe('sqlite');
    expect(config.database).toMatchObject({ filename: expect.stringMatching(/\.data\/assent\.sqlite$/) });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.livekit)).toBe(true);
  });

  it('takes the last vault key as current unless one is named, and refuses bad keys', () => {
    const second = `test-2:${Buffer.alloc(32, 1).toString('base64url')}`;
    const keys = `${testEnv.VAULT_MASTER_KEYS},${second}`;
    expect(loadConfig({ ...required, VAULT_MASTER_KEYS: keys }).vault.currentKeyId).toBe('test-2');
    expect(
      loadConfig({ ...required, VAULT_MASTER_KEYS: keys, VAULT_CURRENT_KEY_ID: 'test-1' }).vault.currentKeyId,
    ).toBe('test-1');
    expect(errorFor({ ...required, VAULT_MASTER_KEYS: keys, VAULT_CURRENT_KEY_ID: 'nope' })).toContain(
      'VAULT_CURRENT_KEY_ID',
    );
    expect(errorFor({ ...required, VAULT_MASTER_KEYS: 'k1:tooshort' })).toContain('VAULT_MASTER_KEYS');
    expect(errorFor({ ...required, VAULT_MASTER_KEYS: undefined })).toContain(
      'VAULT_MASTER_KEYS: is required',
    );
  });

  it('derives https for API calls from a wss LiveKit URL', () => {
    const config = loadConfig({ ...required, LIVEKIT_URL: 'wss://lk.example.org' });
    expect(config.livekit.apiUrl).toBe('https://lk.example.org');
  });

  it('selects PostgreSQL from a postgres URL and accepts sqlite::memory:', () => {
    const url = 'postgresql://u:p@localhost:5432/db';
    expect(loadConfig({ ...required, DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url });
    expect(loadConfig({ ...required, DATABASE_URL: 'sqlite::memory:' }).database).toEqual({
      kind: 'sqlite',
      filename: ':memory:',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ ...required, PORT: '', WEB_DIST_DIR: '' })).toMatchObject({
      port: 8787,
      webDistDir: undefined,
    });
  });

  it('names a missing required variable', () => {
    const message = errorFor({ ...required, LIVEKIT_API_SECRET: undefined });
    expect(message).toContain('LIVEKIT_API_SECRET: is required');
  });

  it('names each bad variable', () => {
    const message = errorFor({
      ...required,
      INVITE_SECRET: 'short',
      PORT: 'eighty',
      LIVEKIT_URL: 'http://x',
    });
    expect(message).toContain('INVITE_SECRET');
    expect(message).toContain('at least 32');
    expect(message).toContain('PORT');
    expect(message).toContain('LIVEKIT_URL');
    expect(message).not.toContain('short');
  });

  it('rejects an unknown database URL scheme', () => {
    expect(errorFor({ ...required, DATABASE_URL: 'mysql://x' })).toContain('DATABASE_URL');
  });

  it('leaves transcription off without ASSENT_TRANSCRIBER_PYTHON, and reads the worker settings with it', () => {
    expect(loadConfig(required).transcriber).toBeUndefined();
    const python = process.execPath; // any file that exists
    expect(loadConfig({ ...required, ASSENT_TRANSCRIBER_PYTHON: python }).transcriber).toEqual({
      python,
      modelDir: undefined,
      threads: 2,
      timeoutSeconds: 1800,
    });
    expect(
      loadConfig({ ...required, ASSENT_TRANSCRIBER_PYTHON: python, ASSENT_TRANSCRIBER_THREADS: '4' })
        .transcriber?.threads,
    ).toBe(4);
  });

  it('refuses a transcriber Python that is relative or missing, and a model directory without a model', () => {
    expect(errorFor({ ...required, ASSENT_TRANSCRIBER_PYTHON: 'python3' })).toContain('absolute path');
    expect(errorFor({ ...required, ASSENT_TRANSCRIBER_PYTHON: '/nonexistent/python3' })).toContain(
      'ensure-transcriber.sh',
    );
    const message = errorFor({
      ...required,
      ASSENT_TRANSCRIBER_PYTHON: process.execPath,
      ASSENT_TRANSCRIBER_MODEL_DIR: '/',
    });
    expect(message).toContain('ASSENT_TRANSCRIBER_MODEL_DIR');
    expect(message).toContain('model.bin');
  });
});
