/**
 * @kechuang/registry: the database of Chongqing's innovation system (科创登记库), one PostgreSQL
 * schema on embedded PGlite or a PostgreSQL server, with migrations, a data-folder lock,
 * permissions and an append-only audit log.
 */

export * from './assessments/index.ts';
export {
  type AuditAction,
  type AuditEntry,
  type AuditFilter,
  readAudit,
  writeAudit,
} from './audit.ts';
export {
  type DataDirLock,
  DataDirLockedError,
  LOCK_FILE,
  type LockHolder,
  lockDataDir,
} from './dataDirLock.ts';
export { type Db, quoteIdent } from './db.ts';
export * from './imports/index.ts';
export * from './indicators/index.ts';
export {
  checksumOf,
  type MigrateResult,
  type Migration,
  MigrationError,
  migrate,
  readMigrations,
} from './migrate.ts';
export { type OpenDatabaseOptions, openDatabase, type Registry } from './openDatabase.ts';
export {
  type Actor,
  assertCanReadUnpublished,
  assertCanWrite,
  canReadUnpublished,
  PermissionError,
  type Role,
} from './permissions.ts';
export { type SeedRegionsResult, SYSTEM_ACTOR, seedRegions } from './seedRegions.ts';
export {
  type AuthenticateOptions,
  actorOfUser,
  authenticate,
  changePassword,
  checkPasswordStrength,
  createSession,
  createUser,
  ensureInitialAdmin,
  findSession,
  generatePassword,
  getUser,
  hashPassword,
  LOCKOUT,
  type LoginResult,
  listUsers,
  MIN_PASSWORD_LENGTH,
  type NewSession,
  type NewUser,
  revokeSession,
  SCRYPT_PARAMS,
  SESSION_TTL_MS,
  type SessionInfo,
  type User,
  UserError,
  type UserPatch,
  updateUser,
  verifyPassword,
} from './users.ts';
export {
  BATCH_SIZE,
  deleteRecord,
  RecordError,
  type RecordValues,
  recordKey,
  type UpsertOptions,
  type UpsertSummary,
  upsertRecord,
  upsertRecords,
  type WriteStatus,
} from './writeRecord.ts';
