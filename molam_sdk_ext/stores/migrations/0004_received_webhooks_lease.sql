-- Leases on webhook claims: the token of the claim's holder, so that renewals and completions are fenced.
ALTER TABLE received_webhooks ADD COLUMN claimed_by text;

COMMENT ON COLUMN received_webhooks.claimed_by IS 'token of the worker holding the processing claim (its lease)';
