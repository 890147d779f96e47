/**
 * Participant attribute keys and the room metadata key the server sets. Kept free of zod so the call
 * page can import them without pulling in the schemas.
 */
export const ParticipantAttribute = {
  name: 'assent.name',
  role: 'assent.role',
  personId: 'assent.person',
  /** This participant's decision on the current request: pending | consented | declined | withdrawn. */
  consent: 'assent.consent',
  /** The request that decision answers. */
  consentRequest: 'assent.consent_request',
} as const;
