-- What listening read in an interaction's text (issue 13): sentiment and its score, urgency, language, and the
-- contact reason with its confidence (NULL confidence: found by keywords, not a trained model). Written by the
-- projection as the interaction is stored; NULL on interactions without a text that is listened to. Trailing
-- NULL columns cost nothing on rows that have none. Trends read enriched rows by time.
ALTER TABLE interactions ADD COLUMN sentiment TEXT;
ALTER TABLE interactions ADD COLUMN sentiment_score REAL;
ALTER TABLE interactions ADD COLUMN urgent INTEGER;
ALTER TABLE interactions ADD COLUMN urgency_score REAL;
ALTER TABLE interactions ADD COLUMN language TEXT;
ALTER TABLE interactions ADD COLUMN reason TEXT;
ALTER TABLE interactions ADD COLUMN reason_confidence REAL;
CREATE INDEX interactions_listened_by_time ON interactions (occurred_at) WHERE sentiment IS NOT NULL;
