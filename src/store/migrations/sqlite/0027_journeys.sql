-- Journeys (issue 15): the experience a company intends, as ordered stages of touchpoints, each with a matcher (which
-- interactions belong to it) and measurable targets. The definition is one JSON document per journey, validated by
-- the same zod schema on the way in and out (journeys/definition.ts): it is read and written whole, never queried
-- by its parts. What customers actually went through is measured on demand from the timeline; nothing is stored
-- per interaction, so ingest pays nothing for journeys.
CREATE TABLE journeys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- An episode (one customer's pass) ends after this many days without a matching interaction.
  episode_days INTEGER NOT NULL CHECK (episode_days BETWEEN 1 AND 365),
  -- JSON: [{"id","name","touchpoints":[{"id","name","matcher":{…},"targets":[{"metric","comparator","value"}]}]}]
  stages TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT REFERENCES staff(id),
  updated_at INTEGER NOT NULL,
  -- Archived journeys leave the list; their links and reports keep working.
  archived_at INTEGER
);
CREATE INDEX journeys_listed ON journeys (name) WHERE archived_at IS NULL;
