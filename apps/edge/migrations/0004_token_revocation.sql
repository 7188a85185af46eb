-- Tokens issued before this instant (seconds since the epoch) are refused: `user:revoke`, `user:password` and
-- `user:disable` set it, so a stolen or leaked token stops working without waiting for it to expire.
ALTER TABLE users ADD COLUMN tokens_valid_after INTEGER NOT NULL DEFAULT 0;
