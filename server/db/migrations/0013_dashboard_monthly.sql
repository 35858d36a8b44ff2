CREATE TABLE "dashboard_monthly" (
	"unit_id" uuid NOT NULL,
	"month" date NOT NULL,
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
	CONSTRAINT "dashboard_monthly_unit_id_month_channel_pk" PRIMARY KEY("unit_id","month","channel")
);
--> statement-breakpoint
-- Hand-written: the monthly rollup joins the daily one in dashboard_bump (kept by the same triggers) and in the
-- rebuild; filled from the daily rollup for existing data.
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
  INSERT INTO dashboard_monthly AS r (unit_id, month, channel, received, finished, early, on_time, late, apart, used_minutes, budget_minutes,
      dig_received, dig_nothing_to_scan, dig_digitised, dig_reused, returned, results_digitised)
    VALUES (p_unit, date_trunc('month', p_day)::date, p_channel, p_received, p_finished, p_early, p_on_time, p_late, p_apart, p_used, p_budget,
      p_dig_received, p_dig_nothing, p_dig_digitised, p_dig_reused, p_returned, p_results_digitised)
  ON CONFLICT (unit_id, month, channel) DO UPDATE SET
    received = r.received + excluded.received, finished = r.finished + excluded.finished, early = r.early + excluded.early,
    on_time = r.on_time + excluded.on_time, late = r.late + excluded.late, apart = r.apart + excluded.apart,
    used_minutes = r.used_minutes + excluded.used_minutes, budget_minutes = r.budget_minutes + excluded.budget_minutes,
    dig_received = r.dig_received + excluded.dig_received, dig_nothing_to_scan = r.dig_nothing_to_scan + excluded.dig_nothing_to_scan,
    dig_digitised = r.dig_digitised + excluded.dig_digitised, dig_reused = r.dig_reused + excluded.dig_reused,
    returned = r.returned + excluded.returned, results_digitised = r.results_digitised + excluded.results_digitised;
END $$;
--> statement-breakpoint
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
  DELETE FROM dashboard_monthly;
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
  INSERT INTO dashboard_monthly (unit_id, month, channel, received, finished, early, on_time, late, apart, used_minutes, budget_minutes,
      dig_received, dig_nothing_to_scan, dig_digitised, dig_reused, returned, results_digitised)
    SELECT unit_id, date_trunc('month', day)::date, channel, sum(received), sum(finished), sum(early), sum(on_time), sum(late), sum(apart), sum(used_minutes), sum(budget_minutes),
           sum(dig_received), sum(dig_nothing_to_scan), sum(dig_digitised), sum(dig_reused), sum(returned), sum(results_digitised)
      FROM dashboard_daily GROUP BY unit_id, date_trunc('month', day)::date, channel;
END $$;
--> statement-breakpoint
INSERT INTO dashboard_monthly (unit_id, month, channel, received, finished, early, on_time, late, apart, used_minutes, budget_minutes,
    dig_received, dig_nothing_to_scan, dig_digitised, dig_reused, returned, results_digitised)
  SELECT unit_id, date_trunc('month', day)::date, channel, sum(received), sum(finished), sum(early), sum(on_time), sum(late), sum(apart), sum(used_minutes), sum(budget_minutes),
         sum(dig_received), sum(dig_nothing_to_scan), sum(dig_digitised), sum(dig_reused), sum(returned), sum(results_digitised)
    FROM dashboard_daily GROUP BY unit_id, date_trunc('month', day)::date, channel
  ON CONFLICT DO NOTHING;
