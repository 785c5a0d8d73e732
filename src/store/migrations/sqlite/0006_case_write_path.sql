-- Fewer pages written per message the case engine receives (bench/case-replay-pages.ts counts them):
-- each b-tree a commit touches is at least one more page in the WAL.

-- A [#number] tag in an email subject is now looked up by the unique index on cases.number, so the
-- `case-number:N` thread reference every new case stored (in another part of this tree) is not needed.
DELETE FROM case_thread_refs
WHERE channel = 'email' AND ref >= 'case-number:' AND ref < 'case-number;'
  AND ref = 'case-number:' || (SELECT number FROM cases WHERE cases.id = case_thread_refs.case_id);

-- Only a reply is looked up by its external id (a channel reporting a reply twice); inbound messages are
-- deduplicated on the timeline, so their ids need no entry here.
DROP INDEX case_messages_external;
CREATE INDEX case_messages_reply_external ON case_messages(external_id) WHERE kind = 'reply' AND external_id IS NOT NULL;
