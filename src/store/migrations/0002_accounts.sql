-- Accounts: users, teams and the areas they work in, sessions, API tokens, login throttling.
-- Times people read (created, updated, last used) are UTC ISO 8601 text like audit_entry.at;
-- times the code computes with (session expiry, throttling windows) are Unix seconds.
-- Secrets are never stored: passwords as argon2id strings, session and API tokens as hashes.

CREATE TABLE accounts_user (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- login name
  role          TEXT NOT NULL CHECK (role IN ('beheerder', 'coordinator', 'wijkwerker', 'netwerkpartner', 'lezer')),
  password_hash TEXT NOT NULL,                        -- crypto_pwhash_str (argon2id)
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE accounts_team (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE accounts_team_member (
  team_id INTEGER NOT NULL REFERENCES accounts_team(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES accounts_user(id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX accounts_team_member_user ON accounts_team_member(user_id);

-- The areas a team works in, by CBS code. No foreign key to the areas module: a team may name an
-- area before its statistics are imported, and accounts must not depend on areas.
CREATE TABLE accounts_team_area (
  team_id   INTEGER NOT NULL REFERENCES accounts_team(id) ON DELETE CASCADE,
  area_code TEXT NOT NULL,
  PRIMARY KEY (team_id, area_code)
);

CREATE TABLE accounts_session (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,   -- hex BLAKE2b of the cookie's token; the token itself is not stored
  user_id      INTEGER NOT NULL REFERENCES accounts_user(id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,       -- Unix seconds
  last_seen_at INTEGER NOT NULL,       -- Unix seconds; idle expiry counts from here
  expires_at   INTEGER NOT NULL        -- Unix seconds; absolute expiry
);
CREATE INDEX accounts_session_user ON accounts_session(user_id);
CREATE INDEX accounts_session_expires ON accounts_session(expires_at);

CREATE TABLE accounts_api_token (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES accounts_user(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,   -- hex BLAKE2b of the token
  prefix       TEXT NOT NULL,          -- first characters of the token, to recognise it in lists
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
);
CREATE INDEX accounts_api_token_user ON accounts_api_token(user_id);

-- Failed logins, for throttling per account (folded name) and per client address.
-- A successful login removes the account's rows; rows older than a day are pruned.
CREATE TABLE accounts_login_attempt (
  id           INTEGER PRIMARY KEY,
  account_name TEXT NOT NULL,          -- lower-cased name as typed (the account need not exist)
  address      TEXT NOT NULL,
  at           INTEGER NOT NULL        -- Unix seconds
);
CREATE INDEX accounts_login_attempt_account ON accounts_login_attempt(account_name, at);
CREATE INDEX accounts_login_attempt_address ON accounts_login_attempt(address, at);
