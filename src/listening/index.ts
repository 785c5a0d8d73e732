export * from './sentiment.ts';
export * from './evaluation.ts';
