-- Sign-in for the HTTP API: users can be disabled and forced to change a one-time password;
-- sessions keep only a SHA-256 of their token (a stolen database copy cannot sign anyone in)
-- and the CSRF token bound to the session; login attempts drive the lockout (5 failures in
-- 15 minutes). Index runs gain a publication flag: the public sees published runs only.
ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  at timestamptz NOT NULL,
  success boolean NOT NULL,
  ip text
);
CREATE INDEX login_attempts_username_at_idx ON login_attempts (username, at);

ALTER TABLE index_runs ADD COLUMN published boolean NOT NULL DEFAULT false;
