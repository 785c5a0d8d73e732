-- The audit trail is read by customer (who saw her data), and now also by staff member (what did
-- this person see or change) and by action (every archived team): an index for each, ordered by id
-- as the list is, so a page never sorts. The customer index was ordered by time: replaced.
DROP INDEX audit_log_customer;
CREATE INDEX audit_log_customer ON audit_log(customer_id, id);
CREATE INDEX audit_log_actor ON audit_log(actor_id, id);
CREATE INDEX audit_log_action ON audit_log(action, id);
