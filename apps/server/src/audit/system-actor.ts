/** The actor named in audit entries for what Assent does on its own: ingest, sweeps, key rotation. */
export const systemActor = { userId: null, role: 'system' } as const;
