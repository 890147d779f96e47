// Filled in by the access-requests feature.
export {};
