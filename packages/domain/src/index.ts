/**
 * @module @kechuang/domain
 * The shared vocabulary of Kechuang (科创) for the registry, API and web layers, pure (no I/O,
 * no environment, no clock): the bilingual error shape, 统一社会信用代码 / 组织机构代码
 * validation, Chongqing's 区县 as dated reference data (groups, lineage, code crosswalk,
 * functional zones), code lists with Chinese and English labels, and zod schemas of registry
 * records.
 *
 * @example
 * validateUscc('9150000020286320X6').ok; // true
 * regionsAt('2026-01-01').length; // 37
 * findRegion('石柱县')?.code; // '500240'
 * parseRecord(enterpriseSchema, row); // { ok, value } or { ok: false, errors: [{ code, message: { zh, en } }] }
 */
export * from './dates.ts';
export * from './enums.ts';
export * from './errors.ts';
export * from './parseRecord.ts';
export * from './regions.ts';
export * from './schemas.ts';
export * from './uscc.ts';
