// The pure domain layer: money in pence, UK financial years, RAG ratings and apportionment.
export * from './money';
export * from './fiscal';
export * from './rag';
export * from './apportion';
