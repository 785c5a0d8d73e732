-- Personal API tokens are listed per person (GET /api/tokens, the staff page) and all of a person's
-- tokens are revoked at once when their password changes or their account is disabled.
CREATE INDEX api_tokens_staff ON api_tokens(staff_id, created_at);
