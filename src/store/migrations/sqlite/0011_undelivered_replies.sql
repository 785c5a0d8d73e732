-- The "Failed to send" queue (GET /api/cases/undelivered): replies that did not reach the customer after a
-- try, latest first. A partial index holds only those few rows; a reply that goes out leaves it (its error
-- is cleared when sent).
CREATE INDEX case_messages_undelivered ON case_messages(at, id) WHERE delivery_error IS NOT NULL AND delivery IN ('queued', 'failed');
