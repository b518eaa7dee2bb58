-- Entries written in one transaction may share a timestamp (some clocks tick in milliseconds):
-- a sequence keeps the order they were written in, which the log is read by.
ALTER TABLE audit_log ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX audit_log_consultation_idx;
CREATE INDEX audit_log_consultation_idx ON audit_log (consultation_id, seq);
