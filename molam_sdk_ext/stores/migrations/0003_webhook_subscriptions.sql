-- Webhook endpoints a sender delivers to (the sandbox's webhook_endpoints), with their signing secrets.
-- A secret rotation adds a secret with a new kid and gives the old one an expiry (the grace period);
-- while both are active the sender signs with each.
CREATE TABLE webhook_subscriptions (
    id              text PRIMARY KEY CHECK (id LIKE 'we\_%'),
    url             text NOT NULL,
    enabled_events  text[] NOT NULL DEFAULT '{}',
    status          text NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),
    description     text,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    api_version     text,
    livemode        boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz
);

CREATE INDEX webhook_subscriptions_active ON webhook_subscriptions (created_at) WHERE deleted_at IS NULL;

CREATE TABLE webhook_subscription_secrets (
    subscription_id  text NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    kid              text NOT NULL,
    secret           text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz,
    PRIMARY KEY (subscription_id, kid)
);

COMMENT ON COLUMN webhook_subscription_secrets.expires_at IS 'end of the grace period after a rotation; NULL = active';
