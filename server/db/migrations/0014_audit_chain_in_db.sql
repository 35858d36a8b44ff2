ALTER TABLE "audit_log" ADD COLUMN "hash_v" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "row_digest" text;--> statement-breakpoint
-- The chain link of a v2 row is made here, under the head's row lock, so that recording an audit row is one
-- INSERT (and can be part of a larger statement, as the dossier receipt is). See ADR 0007.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  IF NEW.row_digest IS NULL OR NEW.row_digest !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'audit_log: row_digest (sha-256 hex of the canonical row) is required';
  END IF;
  SELECT last_seq, last_hash INTO head_seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_head row missing: migrations not applied';
  END IF;
  NEW.seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash_v := 2;
  NEW.hash := encode(sha256(convert_to(head_hash || E'\n' || NEW.seq::text || E'\n' || NEW.row_digest, 'UTF8')), 'hex');
  UPDATE audit_head SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
