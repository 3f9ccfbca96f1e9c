/**
 * @module @kechuang/qualification
 * Qualification pre-assessment (资质预评估), pure: 高新技术企业, 科技型中小企业, the MIIT 优质中小企业
 * tiers (2022 and 2026) and 重庆市科技型企业, criterion by criterion with sources, values,
 * thresholds, score ranges for expert-judged items and the gap to passing; lifecycle alerts.
 *
 * @example
 * const profile = parseProfile(json); // throws ProfileError naming every bad field (zh + en)
 * const a = assess(profile, ruleSetFor('highTechEnterprise', '2025-06-01'), { asOf: '2025-06-01' });
 * a.outcome; // 'pass' | 'fail' | 'needsReview'
 * rankCandidates(assessMany(profiles, ruleSet, { asOf })); // closest first
 */
export * from './assess.ts';
export * from './chongqingTechEnterprise.ts';
export * from './headcount.ts';
export * from './highTechEnterprise.ts';
export * from './highTechFields.ts';
export * from './lifecycle.ts';
export * from './miit2022.ts';
export * from './miit2026.ts';
export * from './profile.ts';
export * from './rankCandidates.ts';
export * from './ruleSets.ts';
export * from './scoreTiers.ts';
export * from './techSme.ts';
export * from './types.ts';
