-- What a user may do: 'user' (the default: invoices, credit notes, lookups) or 'admin' (also the account's
-- administrative routes, such as creating or deleting numbering ranges). `user:role` changes it; it is read from D1
-- on each request (cached 30 s per isolate), never carried in the token.
ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin'));

-- Login throttles recorded before this instant (milliseconds since the epoch) are discarded for this user's e-mail:
-- `user:unlock` sets it. The throttles live in a Durable Object a script cannot reach; the login reads this column
-- and passes it on. It shares this migration because both columns came with the same change.
ALTER TABLE users ADD COLUMN login_unlocked_at INTEGER NOT NULL DEFAULT 0;
