-- Stories from any article (CONTRACT.md "v2: stories from any article", issue #11).
--
-- Source texts are content-addressed: stored once under the SHA-256 of the text, cited by
-- every version whose dataset names that digest, and never changed or removed.
CREATE TABLE source_texts (
  digest TEXT PRIMARY KEY CHECK (length(digest) = 64),
  text TEXT NOT NULL
);

CREATE TRIGGER source_texts_no_update BEFORE UPDATE ON source_texts
BEGIN
  SELECT RAISE(ABORT, 'source texts never change');
END;

CREATE TRIGGER source_texts_no_delete BEFORE DELETE ON source_texts
BEGIN
  SELECT RAISE(ABORT, 'source texts never change');
END;

-- Stories created over HTTP. The primary key is the conflict: two creates of one slug race
-- to one insert, and the loser's whole transaction (texts, version 1) is rolled back.
CREATE TABLE stories (
  slug TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

-- GET /api/stories pages newest first by (created_at, slug): one index range per page.
CREATE INDEX stories_newest ON stories (created_at DESC, slug DESC);

CREATE TRIGGER stories_no_update BEFORE UPDATE ON stories
BEGIN
  SELECT RAISE(ABORT, 'stories are append-only');
END;

CREATE TRIGGER stories_no_delete BEFORE DELETE ON stories
BEGIN
  SELECT RAISE(ABORT, 'stories are append-only');
END;

-- What a listing shows of each version without reading its dataset, and what kind of
-- publish it was (issue #13: update, correction or retraction). Versions stored before
-- this read as updates; their headline and as-of come from the dataset when listed.
ALTER TABLE story_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'update' CHECK (kind IN ('update', 'correction', 'retraction'));
ALTER TABLE story_versions ADD COLUMN public_note TEXT;
ALTER TABLE story_versions ADD COLUMN headline TEXT;
ALTER TABLE story_versions ADD COLUMN as_of TEXT;
