-- Case search and queue filters (issue 10, items 17 and 18).
--
-- case_search is a full-text index (FTS5) of every case: one document per case (rowid = -number: its
-- subject, and the customer's name and email addresses as they were when it opened) and one per message
-- (rowid = case_messages.id: the text, and any order id in its properties). Message documents find their
-- case through case_messages, so a message moved by a case merge is found on its new case. It keeps a copy
-- of what it indexed (not contentless): only then can a delete find a document's words, and with
-- secure-delete take them out of the index itself rather than only out of the results, which erasure
-- needs (a contentless table leaves them in place behind a tombstone until the next full merge).
-- unicode61 remove_diacritics 2: "muller" finds "Müller"; src/cases/search.ts adds ü → ue and back.
-- An erased customer's name and addresses are never indexed again (her subject becomes "Erased on request").
-- Triggers, not calls in the store code, so that every writer keeps it current (routes, channel adapters,
-- imports in another process, bulk actions and merges).
CREATE VIRTUAL TABLE case_search USING fts5(
  subject, body, people,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER case_search_case_inserted AFTER INSERT ON cases
BEGIN
  INSERT INTO case_search (rowid, subject, body, people)
  VALUES (
    -NEW.number, NEW.subject, '',
    concat_ws(' ',
      (SELECT name FROM customers WHERE id = NEW.customer_id AND erased_at IS NULL),
      (SELECT group_concat(value, ' ') FROM identities WHERE customer_id = NEW.customer_id AND kind = 'email'
         AND NOT EXISTS (SELECT 1 FROM customers WHERE id = NEW.customer_id AND erased_at IS NOT NULL)))
  );
END;

CREATE TRIGGER case_search_subject_changed AFTER UPDATE OF subject ON cases
BEGIN
  DELETE FROM case_search WHERE rowid = -OLD.number;
  INSERT INTO case_search (rowid, subject, body, people)
  VALUES (
    -NEW.number, NEW.subject, '',
    concat_ws(' ',
      (SELECT name FROM customers WHERE id = NEW.customer_id AND erased_at IS NULL),
      (SELECT group_concat(value, ' ') FROM identities WHERE customer_id = NEW.customer_id AND kind = 'email'
         AND NOT EXISTS (SELECT 1 FROM customers WHERE id = NEW.customer_id AND erased_at IS NOT NULL)))
  );
END;

CREATE TRIGGER case_search_case_deleted AFTER DELETE ON cases
BEGIN
  DELETE FROM case_search WHERE rowid = -OLD.number;
END;

CREATE TRIGGER case_search_message_inserted AFTER INSERT ON case_messages
BEGIN
  INSERT INTO case_search (rowid, subject, body, people)
  SELECT NEW.id, '',
         concat_ws(' ', i.text,
           CASE WHEN json_valid(i.properties) THEN i.properties ->> '$.order_id' END,
           CASE WHEN json_valid(i.properties) THEN i.properties ->> '$.orderId' END),
         ''
  FROM interactions i WHERE i.id = NEW.interaction_id;
END;

CREATE TRIGGER case_search_message_deleted AFTER DELETE ON case_messages
BEGIN
  DELETE FROM case_search WHERE rowid = OLD.id;
END;

-- What is there already.
INSERT INTO case_search (rowid, subject, body, people)
SELECT -c.number, c.subject, '',
       concat_ws(' ',
         (SELECT name FROM customers WHERE id = c.customer_id AND erased_at IS NULL),
         (SELECT group_concat(value, ' ') FROM identities WHERE customer_id = c.customer_id AND kind = 'email'
            AND NOT EXISTS (SELECT 1 FROM customers WHERE id = c.customer_id AND erased_at IS NOT NULL)))
FROM cases c;

INSERT INTO case_search (rowid, subject, body, people)
SELECT m.id, '',
       concat_ws(' ', i.text,
         CASE WHEN json_valid(i.properties) THEN i.properties ->> '$.order_id' END,
         CASE WHEN json_valid(i.properties) THEN i.properties ->> '$.orderId' END),
       ''
FROM case_messages m JOIN interactions i ON i.id = m.interaction_id;

-- An order id anywhere on a timeline (an `Order Completed` event's order_id or orderId) finds the
-- customer's cases. Partial: only events that carry one are in it, so ingest writes no page for the rest.
CREATE INDEX interactions_order_ref
  ON interactions (CAST(coalesce(properties ->> '$.order_id', properties ->> '$.orderId') AS TEXT))
  WHERE json_valid(properties) AND coalesce(properties ->> '$.order_id', properties ->> '$.orderId') IS NOT NULL;

-- Queue filters and sorts. A case's tags, one row each, kept by triggers from the JSON list on the case.
CREATE TABLE case_tags (
  tag TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(id),
  PRIMARY KEY (tag, case_id)
) WITHOUT ROWID;
CREATE INDEX case_tags_case ON case_tags(case_id);

CREATE TRIGGER case_tags_case_inserted AFTER INSERT ON cases
BEGIN
  INSERT OR IGNORE INTO case_tags (tag, case_id) SELECT value, NEW.id FROM json_each(NEW.tags);
END;

CREATE TRIGGER case_tags_changed AFTER UPDATE OF tags ON cases
BEGIN
  DELETE FROM case_tags WHERE case_id = OLD.id;
  INSERT OR IGNORE INTO case_tags (tag, case_id) SELECT value, NEW.id FROM json_each(NEW.tags);
END;

INSERT OR IGNORE INTO case_tags (tag, case_id) SELECT j.value, c.id FROM cases c, json_each(c.tags) j;

-- Sort keys, computed from the row (VIRTUAL: nothing stored but their indexes). priority_rank: urgent
-- first. due_sort: when the clock that runs out first does (the inbox's SLA timer, nextDueAt in
-- src/cases/view.ts); 9e18 when no clock runs, so those sort last.
ALTER TABLE cases ADD COLUMN priority_rank INTEGER GENERATED ALWAYS AS (
  CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END
) VIRTUAL;
ALTER TABLE cases ADD COLUMN due_sort INTEGER GENERATED ALWAYS AS (
  CASE WHEN status IN ('new', 'open', 'pending') THEN
    MIN(CASE WHEN first_response_at IS NULL THEN COALESCE(first_response_due_at, 9e18) ELSE 9e18 END,
        COALESCE(next_response_due_at, 9e18),
        CASE WHEN resolution_paused_at IS NULL THEN COALESCE(resolution_due_at, 9e18) ELSE 9e18 END)
  ELSE 9e18 END
) VIRTUAL;

CREATE INDEX cases_channel ON cases(channel, opened_at DESC);
CREATE INDEX cases_reason ON cases(reason, opened_at DESC);
-- Also the priority filter's index (the filter is on priority_rank), one index fewer to write per new case.
CREATE INDEX cases_by_priority ON cases(priority_rank, opened_at, id);
CREATE INDEX cases_by_due ON cases(due_sort, id);
CREATE INDEX cases_by_update ON cases(updated_at DESC, id DESC);
