-- The language an account chose for the app (issue 20), used on every device it signs in from;
-- null until it chooses, when the browser's language applies.
ALTER TABLE users ADD COLUMN language text CHECK (language IN ('ar', 'en', 'es', 'fr', 'ru', 'zh'));
