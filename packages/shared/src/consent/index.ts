export * from './consent-banner';
export { currentEgressId } from './consent-egress';
export * from './consent-machine';
export {
  canRecord,
  consentProgress,
  countedParticipants,
  decisionOf,
  hasEffectiveConsent,
} from './consent-policy';
export type * from './consent-types';
export { sharedScreensRecorded } from './recorded-screens';
