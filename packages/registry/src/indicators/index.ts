export * from './computeRegionIndex.ts';
export * from './definitions.ts';
export * from './deriveIndicators.ts';
