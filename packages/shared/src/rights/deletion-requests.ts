// Filled in by the deletion-requests feature.
export {};
