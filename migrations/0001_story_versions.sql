-- Published story versions (CONTRACT.md "Admin"). Append-only: the primary key makes a
-- second publish of the same version fail, and the triggers refuse any UPDATE or DELETE,
-- so nothing once published can be changed or lost.
CREATE TABLE story_versions (
  slug TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  published_at TEXT NOT NULL,
  author TEXT NOT NULL,
  note TEXT NOT NULL,
  -- The validated dataset as stored at publish time; served byte for byte ever after.
  dataset TEXT NOT NULL,
  PRIMARY KEY (slug, version)
);

CREATE TRIGGER story_versions_no_update BEFORE UPDATE ON story_versions
BEGIN
  SELECT RAISE(ABORT, 'story versions are append-only');
END;

CREATE TRIGGER story_versions_no_delete BEFORE DELETE ON story_versions
BEGIN
  SELECT RAISE(ABORT, 'story versions are append-only');
END;
