-- Editor tokens (CONTRACT.md "v2: editors and identity", issue #14). The token itself is
-- never stored: only the hex SHA-256 of it, which is what a request's token is looked up by.
-- A revoked token keeps its row (revoked_at set), so the name that versions record as their
-- author still says who created it and when it stopped working.
CREATE TABLE editor_tokens (
  id TEXT PRIMARY KEY,
  digest TEXT NOT NULL UNIQUE CHECK (length(digest) = 64),
  name TEXT NOT NULL,
  -- JSON arrays: scopes from src/http/editor.ts SCOPES; slugs NULL for every story.
  scopes TEXT NOT NULL,
  slugs TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);

-- Versions name a token's editor by the token's name, so two working tokens never share one.
CREATE UNIQUE INDEX editor_tokens_active_name ON editor_tokens (name) WHERE revoked_at IS NULL;
