/**
 * Users and sessions (用户与会话) of the HTTP API: local accounts whose passwords are hashed with
 * scrypt (RFC 7914; N = 2^15, r = 8, p = 1, a 16-byte salt per user, compared in constant time),
 * sessions whose token is stored only as its SHA-256, a CSRF token bound to each session, and a
 * lockout after 5 failed logins within 15 minutes. User writes are permission-checked (city
 * administrators only) and audited without the password hash.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { writeAudit } from './audit.ts';
import type { Db } from './db.ts';
import { type Actor, assertCanWrite, ROLES, type Role } from './permissions.ts';
import { SYSTEM_ACTOR } from './seedRegions.ts';

/** A user as the API shows it (never the password hash). */
export type User = {
  id: number;
  username: string;
  role: Role;
  regionCode: string | null;
  uscc: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
};

/** A problem with a user operation users can act on; `code` maps to an HTTP status. */
export class UserError extends Error {
  constructor(
    readonly code: 'invalid' | 'conflict' | 'notFound' | 'weakPassword' | 'wrongPassword',
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'UserError';
  }
}

/** scrypt cost parameters (N = 2^15 ≈ 32 MiB of memory per hash). */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
/** Failed logins that lock an account, and the window they are counted in. */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60 * 1000 } as const;
/** Default session lifetime: 12 hours. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

type ScryptParams = { N: number; r: number; p: number; keyLength: number };

function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$hash` (base64) of a password with a fresh random salt. */
export async function hashPassword(
  password: string,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether password matches a stored `hashPassword` value (constant-time comparison). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keyLength: expected.length,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: verified against when the username is unknown, so timing says nothing. */
let dummyHash: Promise<string> | undefined;

/** Refuses passwords too short to resist guessing (the lockout slows online guessing only). */
export function checkPasswordStrength(password: string, username?: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError(
      'weakPassword',
      `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
      `the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      'password',
    );
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    throw new UserError(
      'weakPassword',
      '密码不能包含用户名',
      'the password must not contain the username',
      'password',
    );
  }
}

/** A random password of 20 characters from an unambiguous alphabet (no 0/O, 1/l/I). */
export function generatePassword(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  // Rejection sampling keeps every character equally likely.
  for (const b of bytes) {
    if (out.length === length) break;
    if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
  }
  return out.length === length ? out : generatePassword(length);
}

type UserRow = {
  id: number;
  username: string;
  role: Role;
  region_code: string | null;
  uscc: string | null;
  disabled: boolean;
  must_change_password: boolean;
  created_at: Date;
};

const USER_COLUMNS =
  'id, username, role, region_code, uscc, disabled, must_change_password, created_at';

function toUser(row: UserRow): User {
  return {
    id: Number(row.id),
    username: row.username,
    role: row.role,
    regionCode: row.region_code,
    uscc: row.uscc,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at,
  };
}

/** The registry Actor of a signed-in user (what permissions.ts checks). */
export function actorOfUser(user: User): Actor {
  return {
    id: String(user.id),
    name: user.username,
    role: user.role,
    ...(user.regionCode ? { regionCode: user.regionCode } : {}),
    ...(user.uscc ? { uscc: user.uscc } : {}),
  };
}

/** What a new user needs. */
export type NewUser = {
  username: string;
  password: string;
  role: Role;
  regionCode?: string | null;
  uscc?: string | null;
  /** Force a password change at first login (one-time passwords). */
  mustChangePassword?: boolean;
};

function checkScope(role: Role, regionCode: string | null, uscc: string | null): void {
  if (!ROLES.includes(role)) {
    throw new UserError('invalid', `未知角色 ${role}`, `unknown role ${role}`, 'role');
  }
  if (role === 'districtEditor' && !regionCode) {
    throw new UserError(
      'invalid',
      '区县填报员须指定所属区县（regionCode）',
      'a district editor needs her region (regionCode)',
      'regionCode',
    );
  }
  if (role === 'enterpriseUser' && !uscc) {
    throw new UserError(
      'invalid',
      '企业用户须指定本企业的统一社会信用代码（uscc）',
      'an enterprise user needs her enterprise (uscc)',
      'uscc',
    );
  }
}

function audited(user: UserRow): Record<string, unknown> {
  return { ...toUser(user), createdAt: user.created_at };
}

/** Creates a user (city administrators only; audited without the password hash). */
export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<User> {
  assertCanWrite(actor, { table: 'users' });
  const username = input.username.trim();
  if (!/^[\p{L}\p{N}_.@-]{2,64}$/u.test(username)) {
    throw new UserError(
      'invalid',
      '用户名须为 2–64 个字母、数字或 _.@-',
      'the username must be 2–64 letters, digits or _.@-',
      'username',
    );
  }
  const regionCode = input.regionCode ?? null;
  const uscc = input.uscc ?? null;
  checkScope(input.role, regionCode, uscc);
  checkPasswordStrength(input.password, username);
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [
      username,
    ]);
    if (existing.rows.length > 0) {
      throw new UserError(
        'conflict',
        `用户名 ${username} 已存在`,
        `username ${username} is taken`,
        'username',
      );
    }
    const { rows } = await tx.query<UserRow>(
      `INSERT INTO users (username, password_hash, role, region_code, uscc, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${USER_COLUMNS}`,
      [username, hash, input.role, regionCode, uscc, input.mustChangePassword ?? false],
    );
    const row = rows[0] as UserRow;
    await writeAudit(tx, actor, {
      action: 'insert',
      table: 'users',
      key: String(row.id),
      before: null,
      after: audited(row),
    });
    return toUser(row);
  });
}

/** Changes to a user an administrator may make. */
export type UserPatch = {
  role?: Role;
  regionCode?: string | null;
  uscc?: string | null;
  disabled?: boolean;
  /** A new password (the user must change it at next login). */
  password?: string;
};

/** Updates a user (city administrators only; audited). Disabling a user ends her sessions. */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: number,
  patch: UserPatch,
): Promise<User> {
  assertCanWrite(actor, { table: 'users' });
  return db.transaction(async (tx) => {
    const before = (
      await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id])
    ).rows[0];
    if (!before) throw new UserError('notFound', `没有用户 ${id}`, `no user ${id}`);
    const role = patch.role ?? before.role;
    const regionCode = patch.regionCode !== undefined ? patch.regionCode : before.region_code;
    const uscc = patch.uscc !== undefined ? patch.uscc : before.uscc;
    checkScope(role, regionCode, uscc);
    if (patch.password !== undefined) checkPasswordStrength(patch.password, before.username);
    const hash = patch.password !== undefined ? await hashPassword(patch.password) : null;
    const { rows } = await tx.query<UserRow>(
      `UPDATE users SET role = $2, region_code = $3, uscc = $4, disabled = $5,
         password_hash = COALESCE($6, password_hash),
         must_change_password = CASE WHEN $6::text IS NULL THEN must_change_password ELSE true END
       WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, role, regionCode, uscc, patch.disabled ?? before.disabled, hash],
    );
    const after = rows[0] as UserRow;
    // A changed role, scope, password or a disabled account must not keep old sessions.
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    await writeAudit(tx, actor, {
      action: 'update',
      table: 'users',
      key: String(id),
      before: audited(before),
      after: { ...audited(after), ...(hash ? { passwordReset: true } : {}) },
    });
    return toUser(after);
  });
}

/** Every user, by id (city administrators only). */
export async function listUsers(db: Db, actor: Actor): Promise<User[]> {
  assertCanWrite(actor, { table: 'users' });
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`);
  return rows.map(toUser);
}

/** One user by id, or undefined. */
export async function getUser(db: Db, id: number): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

/** The outcome of a login attempt. */
export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'locked'; retryAfterMs: number };

/** Options of {@link authenticate}. */
export type AuthenticateOptions = { now?: Date; ip?: string };

/**
 * Checks a username and password. After {@link LOCKOUT}.failures failures within
 * LOCKOUT.windowMs (since the last success) the account is locked until the oldest of them
 * leaves the window; attempts while locked are refused without checking the password and are not
 * counted, so an attacker cannot extend the lock forever. Unknown usernames cost one scrypt too.
 */
export async function authenticate(
  db: Db,
  username: string,
  password: string,
  options: AuthenticateOptions = {},
): Promise<LoginResult> {
  const now = options.now ?? new Date();
  const name = username.trim().toLowerCase();
  const since = new Date(now.getTime() - LOCKOUT.windowMs);
  const { rows: failures } = await db.query<{ at: Date }>(
    `SELECT at FROM login_attempts
     WHERE username = $1 AND NOT success AND at > $2::timestamptz AND at <= $3::timestamptz
       AND at > COALESCE((SELECT max(at) FROM login_attempts WHERE username = $1 AND success),
                         '-infinity'::timestamptz)
     ORDER BY at`,
    [name, since.toISOString(), now.toISOString()],
  );
  if (failures.length >= LOCKOUT.failures) {
    const oldest = failures[failures.length - LOCKOUT.failures]?.at as Date;
    return {
      ok: false,
      reason: 'locked',
      retryAfterMs: Math.max(1000, new Date(oldest).getTime() + LOCKOUT.windowMs - now.getTime()),
    };
  }
  const { rows } = await db.query<UserRow & { password_hash: string }>(
    `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE lower(username) = $1`,
    [name],
  );
  const row = rows[0];
  dummyHash ??= hashPassword(generatePassword());
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash));
  const success = ok && row !== undefined && !row.disabled;
  await db.query(
    'INSERT INTO login_attempts (username, at, success, ip) VALUES ($1, $2::timestamptz, $3, $4)',
    [name, now.toISOString(), success, options.ip ?? null],
  );
  if (!ok || !row) return { ok: false, reason: 'invalid' };
  if (row.disabled) return { ok: false, reason: 'disabled' };
  return { ok: true, user: toUser(row) };
}

/** A new session: the token goes into the cookie, the CSRF token to the client's headers. */
export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session for a user (32 random bytes; only the hash is stored). */
export async function createSession(
  db: Db,
  userId: number,
  options: { now?: Date; ttlMs?: number } = {},
): Promise<NewSession> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? SESSION_TTL_MS));
  // Expired sessions are cleared as new ones start: no scheduler needed.
  await db.query('DELETE FROM sessions WHERE expires_at <= $1::timestamptz', [now.toISOString()]);
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
     VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)`,
    [tokenHash(token), userId, csrfToken, now.toISOString(), expiresAt.toISOString()],
  );
  return { token, csrfToken, expiresAt };
}

/** A live session and its user. */
export type SessionInfo = { user: User; csrfToken: string; expiresAt: Date };

/** The session of a token, unless unknown, expired or its user disabled. */
export async function findSession(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<SessionInfo | undefined> {
  const { rows } = await db.query<UserRow & { csrf_token: string; expires_at: Date }>(
    `SELECT ${USER_COLUMNS.split(', ')
      .map((c) => `u.${c}`)
      .join(', ')}, s.csrf_token, s.expires_at
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2::timestamptz AND NOT u.disabled`,
    [tokenHash(token), now.toISOString()],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

/** Ends one session (logout). */
export async function revokeSession(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
}

/**
 * A user changes her own password (needs the current one); clears the must-change flag and ends
 * her other sessions. Audited as an update of `users` by the user herself.
 */
export async function changePassword(
  db: Db,
  userId: number,
  currentPassword: string,
  newPassword: string,
  keepSessionToken?: string,
): Promise<User> {
  const { rows } = await db.query<UserRow & { password_hash: string }>(
    `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE id = $1`,
    [userId],
  );
  const row = rows[0];
  if (!row) throw new UserError('notFound', `没有用户 ${userId}`, `no user ${userId}`);
  if (!(await verifyPassword(currentPassword, row.password_hash))) {
    throw new UserError(
      'wrongPassword',
      '当前密码不正确',
      'the current password is wrong',
      'currentPassword',
    );
  }
  if (newPassword === currentPassword) {
    throw new UserError(
      'weakPassword',
      '新密码不能与当前密码相同',
      'the new password must differ from the current one',
      'newPassword',
    );
  }
  checkPasswordStrength(newPassword, row.username);
  const hash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const updated = await tx.query<UserRow>(
      `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now()
       WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [userId, hash],
    );
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [
      userId,
      keepSessionToken ? tokenHash(keepSessionToken) : '',
    ]);
    const after = updated.rows[0] as UserRow;
    await writeAudit(tx, actorOfUser(toUser(row)), {
      action: 'update',
      table: 'users',
      key: String(userId),
      before: audited(row),
      after: { ...audited(after), passwordChanged: true },
    });
    return toUser(after);
  });
}

/**
 * First start: when no city administrator exists, creates `admin` with a random one-time
 * password that must be changed at first login, and returns it (to print once); otherwise
 * returns undefined and changes nothing.
 */
export async function ensureInitialAdmin(
  db: Db,
  username = 'admin',
): Promise<{ username: string; password: string } | undefined> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE role = 'cityAdmin'`,
  );
  if ((rows[0]?.n ?? 0) > 0) return undefined;
  const password = generatePassword();
  await createUser(db, SYSTEM_ACTOR, {
    username,
    password,
    role: 'cityAdmin',
    mustChangePassword: true,
  });
  return { username, password };
}
