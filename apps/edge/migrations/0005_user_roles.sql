-- Login throttles recorded before this instant (milliseconds since the epoch) are discarded for this user's e-mail:
-- `user:unlock` sets it. The throttles live in a Durable Object a script cannot reach; the login reads this column
-- and passes it on.
ALTER TABLE users ADD COLUMN login_unlocked_at INTEGER NOT NULL DEFAULT 0;
