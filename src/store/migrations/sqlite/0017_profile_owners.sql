-- Merges stop rewriting past interactions (issue 12). The timeline is keyed by the profile an event was stored
-- under (interactions.profile_id: the customer record its identity was first seen on, which never changes) and
-- resolved to its customer on read, so a merge or its undo changes a row per profile it moves, not one per event.

-- Which customer a profile merged into another belongs to now: the end of its chain of merges. Only merged
-- profiles have a row; any other profile is a customer of its own, so creating a customer writes nothing here.
CREATE TABLE profile_owners (
  profile_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX profile_owners_customer ON profile_owners(customer_id);

-- What is there already: every profile merged away, owned by the customer its merged_into chain ends at.
WITH RECURSIVE chain(profile_id, customer_id) AS (
  SELECT id, merged_into FROM customers WHERE merged_into IS NOT NULL
  UNION ALL
  SELECT chain.profile_id, up.merged_into FROM chain JOIN customers up ON up.id = chain.customer_id
  WHERE up.merged_into IS NOT NULL
)
INSERT INTO profile_owners (profile_id, customer_id)
SELECT chain.profile_id, chain.customer_id FROM chain JOIN customers owner ON owner.id = chain.customer_id
WHERE owner.merged_into IS NULL;

-- The timeline by profile, newest first; the customer column goes with the index that served it.
DROP INDEX interactions_timeline;
ALTER TABLE interactions DROP COLUMN customer_id;
CREATE INDEX interactions_timeline ON interactions(profile_id, occurred_at DESC, id DESC);
