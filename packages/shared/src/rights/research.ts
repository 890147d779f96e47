// Filled in by the research feature.
export {};
