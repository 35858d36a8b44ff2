-- Dashboard: the dossiers open at an instant (received ≤ t < finished, or not finished) found through a GiST index on
-- their life span instead of scanning every dossier of the units. A few thousand rows at any instant, whatever the
-- history's length. Replaces the two B-tree indexes of 0011 for that purpose.
CREATE INDEX IF NOT EXISTS dashboard_dossiers_span_idx ON dossiers USING gist (tstzrange(received_at, CASE WHEN finished_at IS NULL THEN NULL ELSE greatest(finished_at, received_at) END, '[)'));
--> statement-breakpoint
DROP INDEX IF EXISTS dashboard_dossiers_open_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS dashboard_dossiers_end_idx;
