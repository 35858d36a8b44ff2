CREATE TABLE "dashboard_daily" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"apart" integer DEFAULT 0 NOT NULL,
	"used_minutes" bigint DEFAULT 0 NOT NULL,
	"budget_minutes" bigint DEFAULT 0 NOT NULL,
	"dig_received" integer DEFAULT 0 NOT NULL,
	"dig_nothing_to_scan" integer DEFAULT 0 NOT NULL,
	"dig_digitised" integer DEFAULT 0 NOT NULL,
	"dig_reused" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"results_digitised" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dashboard_daily_unit_id_day_channel_pk" PRIMARY KEY("unit_id","day","channel")
);
--> statement-breakpoint
CREATE TABLE "dashboard_facts" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"reception_unit_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"received_day" date NOT NULL,
	"end_kind" text,
	"end_unit_id" uuid,
	"end_day" date,
	"outcome" text,
	"used_minutes" integer,
	"budget_minutes" integer,
	"returned_unit_id" uuid,
	"returned_day" date,
	"result_digitised" boolean DEFAULT false NOT NULL,
	"needs_scan" boolean DEFAULT false NOT NULL,
	"digitised" boolean DEFAULT false NOT NULL,
	"reused" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_monthly_procedure" (
	"unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"procedure_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"apart" integer DEFAULT 0 NOT NULL,
	"used_minutes" bigint DEFAULT 0 NOT NULL,
	"budget_minutes" bigint DEFAULT 0 NOT NULL,
	"dig_received" integer DEFAULT 0 NOT NULL,
	"dig_nothing_to_scan" integer DEFAULT 0 NOT NULL,
	"dig_digitised" integer DEFAULT 0 NOT NULL,
	"dig_reused" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"results_digitised" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dashboard_monthly_procedure_unit_id_month_procedure_id_pk" PRIMARY KEY("unit_id","month","procedure_id")
);
--> statement-breakpoint
CREATE TABLE "dashboard_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"params" jsonb NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid,
	"file_name" text,
	"media_type" text,
	"sha256" text,
	"size_bytes" integer,
	"content" "bytea",
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "dashboard_facts_received_idx" ON "dashboard_facts" USING btree ("unit_id","received_day");--> statement-breakpoint
CREATE INDEX "dashboard_facts_end_idx" ON "dashboard_facts" USING btree ("end_unit_id","end_day");--> statement-breakpoint
CREATE INDEX "dashboard_facts_reception_idx" ON "dashboard_facts" USING btree ("reception_unit_id","received_day");--> statement-breakpoint
CREATE INDEX "dashboard_facts_returned_idx" ON "dashboard_facts" USING btree ("returned_unit_id","returned_day");--> statement-breakpoint
CREATE INDEX "dashboard_reports_requester_idx" ON "dashboard_reports" USING btree ("requested_by","created_at");--> statement-breakpoint
-- ---------------------------------------------------------------------------------------------------------------
-- Dashboard read model (hand-written; docs/dashboard.md). A dossier's contribution is one row of dashboard_facts;
-- dashboard_apply adds (+1) or removes (−1) that contribution to/from the rollups. dashboard_refresh_fact
-- recomputes a dossier's fact from its rows and applies the difference, in the writing transaction.
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION dashboard_vn_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((t AT TIME ZONE 'UTC') + interval '7 hours')::date
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_bump(p_unit uuid, p_day date, p_channel text, p_procedure uuid,
  p_received int, p_finished int, p_early int, p_on_time int, p_late int, p_apart int, p_used bigint, p_budget bigint,
  p_dig_received int, p_dig_nothing int, p_dig_digitised int, p_dig_reused int, p_returned int, p_results_digitised int)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_daily AS r (unit_id, day, channel, received, finished, early, on_time, late, apart, used_minutes, budget_minutes,
      dig_received, dig_nothing_to_scan, dig_digitised, dig_reused, returned, results_digitised)
    VALUES (p_unit, p_day, p_channel, p_received, p_finished, p_early, p_on_time, p_late, p_apart, p_used, p_budget,
      p_dig_received, p_dig_nothing, p_dig_digitised, p_dig_reused, p_returned, p_results_digitised)
  ON CONFLICT (unit_id, day, channel) DO UPDATE SET
    received = r.received + excluded.received, finished = r.finished + excluded.finished, early = r.early + excluded.early,
    on_time = r.on_time + excluded.on_time, late = r.late + excluded.late, apart = r.apart + excluded.apart,
    used_minutes = r.used_minutes + excluded.used_minutes, budget_minutes = r.budget_minutes + excluded.budget_minutes,
    dig_received = r.dig_received + excluded.dig_received, dig_nothing_to_scan = r.dig_nothing_to_scan + excluded.dig_nothing_to_scan,
    dig_digitised = r.dig_digitised + excluded.dig_digitised, dig_reused = r.dig_reused + excluded.dig_reused,
    returned = r.returned + excluded.returned, results_digitised = r.results_digitised + excluded.results_digitised;
  INSERT INTO dashboard_monthly_procedure AS r (unit_id, month, procedure_id, received, finished, early, on_time, late, apart, used_minutes, budget_minutes,
      dig_received, dig_nothing_to_scan, dig_digitised, dig_reused, returned, results_digitised)
    VALUES (p_unit, date_trunc('month', p_day)::date, p_procedure, p_received, p_finished, p_early, p_on_time, p_late, p_apart, p_used, p_budget,
      p_dig_received, p_dig_nothing, p_dig_digitised, p_dig_reused, p_returned, p_results_digitised)
  ON CONFLICT (unit_id, month, procedure_id) DO UPDATE SET
    received = r.received + excluded.received, finished = r.finished + excluded.finished, early = r.early + excluded.early,
    on_time = r.on_time + excluded.on_time, late = r.late + excluded.late, apart = r.apart + excluded.apart,
    used_minutes = r.used_minutes + excluded.used_minutes, budget_minutes = r.budget_minutes + excluded.budget_minutes,
    dig_received = r.dig_received + excluded.dig_received, dig_nothing_to_scan = r.dig_nothing_to_scan + excluded.dig_nothing_to_scan,
    dig_digitised = r.dig_digitised + excluded.dig_digitised, dig_reused = r.dig_reused + excluded.dig_reused,
    returned = r.returned + excluded.returned, results_digitised = r.results_digitised + excluded.results_digitised;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_apply(f dashboard_facts, s int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Receipt: at the competent authority recorded at receipt, on the receipt day.
  PERFORM dashboard_bump(f.unit_id, f.received_day, f.channel, f.procedure_id, s, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  -- Digitisation at receipt: at the reception point, on the receipt day.
  PERFORM dashboard_bump(f.reception_unit_id, f.received_day, f.channel, f.procedure_id, 0, 0, 0, 0, 0, 0, 0, 0,
    s, s * (NOT f.needs_scan)::int, s * f.digitised::int, s * f.reused::int, 0, 0);
  -- End (finished early / on time / late, or withdrawn / stopped): at the unit and on the day of the end.
  IF f.end_kind = 'finished' THEN
    PERFORM dashboard_bump(f.end_unit_id, f.end_day, f.channel, f.procedure_id, 0, s,
      s * (f.outcome = 'early')::int, s * (f.outcome = 'on_time')::int, s * (f.outcome = 'late')::int, 0,
      s * coalesce(f.used_minutes, 0), s * coalesce(f.budget_minutes, 0), 0, 0, 0, 0, 0, 0);
  ELSIF f.end_kind = 'apart' THEN
    PERFORM dashboard_bump(f.end_unit_id, f.end_day, f.channel, f.procedure_id, 0, 0, 0, 0, 0, s, 0, 0, 0, 0, 0, 0, 0, 0);
  END IF;
  -- Return of the result: at the competent authority of the return, on the return day.
  IF f.returned_day IS NOT NULL THEN
    PERFORM dashboard_bump(f.returned_unit_id, f.returned_day, f.channel, f.procedure_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, s, s * f.result_digitised::int);
  END IF;
END $$;
--> statement-breakpoint
-- The fact of a dossier as its rows say now, keeping the units frozen in the previous fact (if any).
CREATE OR REPLACE FUNCTION dashboard_compute_fact(p_dossier uuid, prev dashboard_facts) RETURNS dashboard_facts LANGUAGE plpgsql AS $$
DECLARE
  d dossiers%ROWTYPE;
  f dashboard_facts;
BEGIN
  SELECT * INTO d FROM dossiers WHERE id = p_dossier;
  IF NOT FOUND THEN RETURN NULL; END IF;
  f.dossier_id := d.id;
  f.unit_id := coalesce(prev.unit_id, d.competent_unit_id);
  f.reception_unit_id := coalesce(prev.reception_unit_id, d.reception_unit_id);
  f.procedure_id := d.procedure_id;
  f.channel := d.channel;
  f.received_day := dashboard_vn_day(d.received_at);
  IF d.finished_at IS NOT NULL THEN
    f.end_kind := CASE WHEN d.status IN ('withdrawn', 'cancelled') THEN 'apart' ELSE 'finished' END;
    f.end_unit_id := CASE WHEN prev.end_kind IS NOT NULL THEN prev.end_unit_id ELSE d.competent_unit_id END;
    f.end_day := dashboard_vn_day(d.finished_at);
    IF f.end_kind = 'finished' THEN
      f.outcome := coalesce(d.outcome, 'on_time');
      f.used_minutes := d.budget_minutes - d.remaining_minutes;
      f.budget_minutes := d.budget_minutes;
    END IF;
  END IF;
  IF d.status = 'returned' AND d.returned_at IS NOT NULL THEN
    f.returned_unit_id := CASE WHEN prev.returned_day IS NOT NULL THEN prev.returned_unit_id ELSE d.competent_unit_id END;
    f.returned_day := dashboard_vn_day(d.returned_at);
    f.result_digitised := d.result_file_sha256 IS NOT NULL
      OR EXISTS (SELECT 1 FROM dossier_files x WHERE x.dossier_id = d.id AND x.is_result AND x.digitised);
  ELSE
    f.result_digitised := false;
  END IF;
  f.needs_scan := EXISTS (SELECT 1 FROM dossier_documents dd WHERE dd.dossier_id = d.id AND dd.received AND dd.scan_required);
  f.digitised := f.needs_scan AND NOT EXISTS (SELECT 1 FROM dossier_documents dd WHERE dd.dossier_id = d.id AND dd.received AND dd.scan_required AND NOT dd.digitised);
  f.reused := EXISTS (SELECT 1 FROM dossier_files x WHERE x.dossier_id = d.id AND x.reused_from_id IS NOT NULL);
  RETURN f;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_refresh_fact(p_dossier uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  old_f dashboard_facts;
  new_f dashboard_facts;
BEGIN
  SELECT * INTO old_f FROM dashboard_facts WHERE dossier_id = p_dossier FOR UPDATE;
  new_f := dashboard_compute_fact(p_dossier, old_f);
  IF old_f.dossier_id IS NOT NULL AND new_f.dossier_id IS NOT NULL AND old_f IS NOT DISTINCT FROM new_f THEN RETURN; END IF;
  IF old_f.dossier_id IS NOT NULL THEN
    PERFORM dashboard_apply(old_f, -1);
    DELETE FROM dashboard_facts WHERE dossier_id = p_dossier;
  END IF;
  IF new_f.dossier_id IS NOT NULL THEN
    INSERT INTO dashboard_facts SELECT (new_f).*;
    PERFORM dashboard_apply(new_f, 1);
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_on_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM dashboard_refresh_fact(OLD.id);
    RETURN OLD;
  END IF;
  -- Clock ticks and assignments leave the fact unchanged; skip the recomputation when nothing it reads moved.
  IF TG_OP = 'UPDATE' AND (OLD.status, OLD.finished_at, OLD.outcome, OLD.returned_at, OLD.result_file_sha256, OLD.received_at, OLD.channel,
      OLD.procedure_id, OLD.budget_minutes, OLD.remaining_minutes, OLD.competent_unit_id)
    IS NOT DISTINCT FROM (NEW.status, NEW.finished_at, NEW.outcome, NEW.returned_at, NEW.result_file_sha256, NEW.received_at, NEW.channel,
      NEW.procedure_id, NEW.budget_minutes, NEW.remaining_minutes, NEW.competent_unit_id) THEN
    RETURN NEW;
  END IF;
  PERFORM dashboard_refresh_fact(NEW.id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_on_dossier_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dashboard_refresh_fact(OLD.dossier_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.dossier_id IS DISTINCT FROM OLD.dossier_id) THEN PERFORM dashboard_refresh_fact(NEW.dossier_id); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dashboard_dossiers_fact AFTER INSERT OR UPDATE OR DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION dashboard_on_dossier();
--> statement-breakpoint
CREATE TRIGGER dashboard_dossier_documents_fact AFTER INSERT OR UPDATE OR DELETE ON dossier_documents FOR EACH ROW EXECUTE FUNCTION dashboard_on_dossier_child();
--> statement-breakpoint
CREATE TRIGGER dashboard_dossier_files_fact AFTER INSERT OR UPDATE OR DELETE ON dossier_files FOR EACH ROW EXECUTE FUNCTION dashboard_on_dossier_child();
--> statement-breakpoint
-- Rebuild of the whole read model, set-based (after a bulk load with the triggers disabled, e.g. the generator).
-- Units frozen in existing facts are kept.
CREATE OR REPLACE FUNCTION dashboard_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE dashboard_new_facts ON COMMIT DROP AS
  SELECT d.id AS dossier_id,
         coalesce(p.unit_id, d.competent_unit_id) AS unit_id,
         coalesce(p.reception_unit_id, d.reception_unit_id) AS reception_unit_id,
         d.procedure_id, d.channel, dashboard_vn_day(d.received_at) AS received_day,
         CASE WHEN d.finished_at IS NULL THEN NULL WHEN d.status IN ('withdrawn', 'cancelled') THEN 'apart' ELSE 'finished' END AS end_kind,
         CASE WHEN d.finished_at IS NULL THEN NULL WHEN p.end_kind IS NOT NULL THEN p.end_unit_id ELSE d.competent_unit_id END AS end_unit_id,
         dashboard_vn_day(d.finished_at) AS end_day,
         CASE WHEN d.finished_at IS NOT NULL AND d.status NOT IN ('withdrawn', 'cancelled') THEN coalesce(d.outcome, 'on_time') END AS outcome,
         CASE WHEN d.finished_at IS NOT NULL AND d.status NOT IN ('withdrawn', 'cancelled') THEN d.budget_minutes - d.remaining_minutes END AS used_minutes,
         CASE WHEN d.finished_at IS NOT NULL AND d.status NOT IN ('withdrawn', 'cancelled') THEN d.budget_minutes END AS budget_minutes,
         CASE WHEN d.status = 'returned' AND d.returned_at IS NOT NULL THEN CASE WHEN p.returned_day IS NOT NULL THEN p.returned_unit_id ELSE d.competent_unit_id END END AS returned_unit_id,
         CASE WHEN d.status = 'returned' AND d.returned_at IS NOT NULL THEN dashboard_vn_day(d.returned_at) END AS returned_day,
         (d.status = 'returned' AND d.returned_at IS NOT NULL AND (d.result_file_sha256 IS NOT NULL
            OR EXISTS (SELECT 1 FROM dossier_files x WHERE x.dossier_id = d.id AND x.is_result AND x.digitised))) AS result_digitised,
         coalesce(doc.needs_scan, false) AS needs_scan,
         coalesce(doc.needs_scan AND NOT doc.missing, false) AS digitised,
         EXISTS (SELECT 1 FROM dossier_files x WHERE x.dossier_id = d.id AND x.reused_from_id IS NOT NULL) AS reused
    FROM dossiers d
    LEFT JOIN dashboard_facts p ON p.dossier_id = d.id
    LEFT JOIN (SELECT dd.dossier_id, bool_or(dd.received AND dd.scan_required) AS needs_scan,
                      bool_or(dd.received AND dd.scan_required AND NOT dd.digitised) AS missing
                 FROM dossier_documents dd GROUP BY dd.dossier_id) doc ON doc.dossier_id = d.id;
  DELETE FROM dashboard_facts;
  INSERT INTO dashboard_facts SELECT * FROM dashboard_new_facts;
  DROP TABLE dashboard_new_facts;
  DELETE FROM dashboard_daily;
  DELETE FROM dashboard_monthly_procedure;
  CREATE TEMP TABLE dashboard_parts ON COMMIT DROP AS
    SELECT unit_id, received_day AS day, channel, procedure_id, 1 AS received, 0 AS finished, 0 AS early, 0 AS on_time, 0 AS late, 0 AS apart,
           0::bigint AS used_minutes, 0::bigint AS budget_minutes, 0 AS dig_received, 0 AS dig_nothing_to_scan, 0 AS dig_digitised, 0 AS dig_reused, 0 AS returned, 0 AS results_digitised
      FROM dashboard_facts
    UNION ALL
    SELECT reception_unit_id, received_day, channel, procedure_id, 0, 0, 0, 0, 0, 0, 0, 0, 1, (NOT needs_scan)::int, digitised::int, reused::int, 0, 0
      FROM dashboard_facts
    UNION ALL
    SELECT end_unit_id, end_day, channel, procedure_id, 0, (end_kind = 'finished')::int, coalesce(outcome = 'early', false)::int, coalesce(outcome = 'on_time', false)::int,
           coalesce(outcome = 'late', false)::int, (end_kind = 'apart')::int, coalesce(used_minutes, 0), coalesce(budget_minutes, 0), 0, 0, 0, 0, 0, 0
      FROM dashboard_facts WHERE end_kind IS NOT NULL
    UNION ALL
    SELECT returned_unit_id, returned_day, channel, procedure_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, result_digitised::int
      FROM dashboard_facts WHERE returned_day IS NOT NULL;
  INSERT INTO dashboard_daily (unit_id, day, channel, received, finished, early, on_time, late, apart, used_minutes, budget_minutes,
      dig_received, dig_nothing_to_scan, dig_digitised, dig_reused, returned, results_digitised)
    SELECT unit_id, day, channel, sum(received), sum(finished), sum(early), sum(on_time), sum(late), sum(apart), sum(used_minutes), sum(budget_minutes),
           sum(dig_received), sum(dig_nothing_to_scan), sum(dig_digitised), sum(dig_reused), sum(returned), sum(results_digitised)
      FROM dashboard_parts GROUP BY unit_id, day, channel;
  INSERT INTO dashboard_monthly_procedure (unit_id, month, procedure_id, received, finished, early, on_time, late, apart, used_minutes, budget_minutes,
      dig_received, dig_nothing_to_scan, dig_digitised, dig_reused, returned, results_digitised)
    SELECT unit_id, date_trunc('month', day)::date, procedure_id, sum(received), sum(finished), sum(early), sum(on_time), sum(late), sum(apart), sum(used_minutes), sum(budget_minutes),
           sum(dig_received), sum(dig_nothing_to_scan), sum(dig_digitised), sum(dig_reused), sum(returned), sum(results_digitised)
      FROM dashboard_parts GROUP BY unit_id, date_trunc('month', day)::date, procedure_id;
  DROP TABLE dashboard_parts;
END $$;
--> statement-breakpoint
-- Open dossiers (standings are computed live at "now" or the period end) and ends by unit, for the live part.
CREATE INDEX IF NOT EXISTS dashboard_dossiers_open_idx ON dossiers (competent_unit_id, due_at) WHERE finished_at IS NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS dashboard_dossiers_end_idx ON dossiers (competent_unit_id, finished_at);
