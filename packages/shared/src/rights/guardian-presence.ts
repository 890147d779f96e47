// Filled in by the guardian-presence feature.
export {};
