CREATE TABLE "dossier_access_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"unit_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"reason" text NOT NULL,
	"previous_at" timestamp with time zone,
	"appointment_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"note" text,
	"late_step_seq" integer,
	"late_unit_id" uuid
);
--> statement-breakpoint
CREATE TABLE "dossier_clock_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"legal_basis" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_code_sequences" (
	"agency_code" text NOT NULL,
	"day" date NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "dossier_code_sequences_agency_code_day_pk" PRIMARY KEY("agency_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"idx" integer NOT NULL,
	"name" text NOT NULL,
	"form" text NOT NULL,
	"count" integer NOT NULL,
	"received" boolean NOT NULL,
	"copies" integer NOT NULL,
	"scan_required" boolean NOT NULL,
	"digitised" boolean DEFAULT false NOT NULL,
	"file_sha256" text,
	"file_name" text,
	"mime_type" text,
	"size_bytes" integer,
	"pages" integer,
	"digitised_at" timestamp with time zone,
	"digitised_by" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"from_unit_id" uuid,
	"to_unit_id" uuid,
	"from_user_id" uuid,
	"from_user_name" text,
	"to_user_id" uuid,
	"to_user_name" text,
	"step_seq" integer,
	"outcome" text,
	"note" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "dossier_guidance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reception_unit_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_name" text NOT NULL,
	"channel" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"missing" jsonb NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid,
	"job_key" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"status" text NOT NULL,
	"provider_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"role" text NOT NULL,
	"share_percent" real NOT NULL,
	"budget_minutes" integer NOT NULL,
	"cumulative_minutes" integer NOT NULL,
	"state" text NOT NULL,
	"assignee_id" uuid,
	"due_at" timestamp with time zone,
	"handed_at" timestamp with time zone,
	"handed_by" uuid,
	"handed_from_seq" integer,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"outcome" text,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_supplements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"phase" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" uuid,
	"reason" text NOT NULL,
	"items" jsonb NOT NULL,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"policy" text,
	"appointment_before" timestamp with time zone,
	"appointment_after" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"procedure_id" uuid NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_name" text NOT NULL,
	"procedure_code" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text,
	"applicant_phone" text,
	"applicant_email" text,
	"applicant_address" text,
	"applicant_representative" text,
	"channel" text NOT NULL,
	"reception_unit_id" uuid NOT NULL,
	"competent_unit_id" uuid NOT NULL,
	"returning_unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"rule_set" text NOT NULL,
	"calendar_version" integer NOT NULL,
	"statutory_time" jsonb NOT NULL,
	"budget_minutes" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" uuid,
	"appointment_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"due_date" date,
	"remaining_minutes" integer NOT NULL,
	"clock_running" boolean NOT NULL,
	"current_step_seq" integer,
	"supplement_count" integer DEFAULT 0 NOT NULL,
	"apology_issued" boolean DEFAULT false NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text,
	"result_kind" text,
	"result_note" text,
	"result_file_sha256" text,
	"return_method" text,
	"returned_at" timestamp with time zone,
	"not_collected_at" timestamp with time zone,
	"summary" text,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (search_norm(code || ' ' || applicant_name || ' ' || coalesce(applicant_id_number, '') || ' ' || coalesce(applicant_phone, ''))) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_access_log" ADD CONSTRAINT "dossier_access_log_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_appointments" ADD CONSTRAINT "dossier_appointments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_clock_segments" ADD CONSTRAINT "dossier_clock_segments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_guidance" ADD CONSTRAINT "dossier_guidance_reception_unit_id_units_id_fk" FOREIGN KEY ("reception_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_notifications" ADD CONSTRAINT "dossier_notifications_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_steps" ADD CONSTRAINT "dossier_steps_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_steps" ADD CONSTRAINT "dossier_steps_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_supplements" ADD CONSTRAINT "dossier_supplements_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_reception_unit_id_units_id_fk" FOREIGN KEY ("reception_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_competent_unit_id_units_id_fk" FOREIGN KEY ("competent_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_returning_unit_id_units_id_fk" FOREIGN KEY ("returning_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_access_log_dossier_idx" ON "dossier_access_log" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_appointments_seq_uq" ON "dossier_appointments" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_clock_seq_uq" ON "dossier_clock_segments" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_documents_idx_uq" ON "dossier_documents" USING btree ("dossier_id","idx");--> statement-breakpoint
CREATE INDEX "dossier_documents_sha_idx" ON "dossier_documents" USING btree ("file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_events_seq_uq" ON "dossier_events" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE INDEX "dossier_guidance_unit_idx" ON "dossier_guidance" USING btree ("reception_unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_notifications_job_uq" ON "dossier_notifications" USING btree ("job_key","channel","recipient");--> statement-breakpoint
CREATE INDEX "dossier_notifications_dossier_idx" ON "dossier_notifications" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_steps_seq_uq" ON "dossier_steps" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE INDEX "dossier_steps_unit_state_idx" ON "dossier_steps" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "dossier_steps_assignee_idx" ON "dossier_steps" USING btree ("assignee_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_supplements_seq_uq" ON "dossier_supplements" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_competent_idx" ON "dossiers" USING btree ("competent_unit_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_reception_idx" ON "dossiers" USING btree ("reception_unit_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_returning_idx" ON "dossiers" USING btree ("returning_unit_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_due_idx" ON "dossiers" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "dossiers_received_idx" ON "dossiers" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "dossiers_search_idx" ON "dossiers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- The clock ledger, the timeline (control slip) and the appointment history are append-only: a correction is a
-- new row, never an edit, so deadlines and KPIs derived from them can be re-checked later.
CREATE OR REPLACE FUNCTION dossier_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER dossier_clock_segments_append_only BEFORE UPDATE OR DELETE ON dossier_clock_segments FOR EACH ROW EXECUTE FUNCTION dossier_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events FOR EACH ROW EXECUTE FUNCTION dossier_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dossier_appointments_append_only BEFORE UPDATE OR DELETE ON dossier_appointments FOR EACH ROW EXECUTE FUNCTION dossier_ledger_refuse_change();
