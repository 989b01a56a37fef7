-- The words of every version's headline and of its story's slug, for GET /api/stories?q=
-- (issue #11): a search reads the stories whose words match, not every story. Versions are
-- only ever appended, so the index is filled once for those stored before it and then by
-- the trigger as each version is written.
CREATE VIRTUAL TABLE story_search USING fts5(slug, version UNINDEXED, headline, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO story_search (slug, version, headline)
SELECT slug, version, COALESCE(headline, '') FROM story_versions;

CREATE TRIGGER story_versions_search AFTER INSERT ON story_versions
BEGIN
  INSERT INTO story_search (slug, version, headline) VALUES (NEW.slug, NEW.version, COALESCE(NEW.headline, ''));
END;
