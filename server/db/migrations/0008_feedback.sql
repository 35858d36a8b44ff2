CREATE TABLE "satisfaction_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"sent_to" text,
	"sent_channels" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "satisfaction_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"competent_unit_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"official_id" uuid,
	"channel" text NOT NULL,
	"score_access" smallint NOT NULL,
	"score_procedures" smallint NOT NULL,
	"score_conduct" smallint NOT NULL,
	"score_results" smallint NOT NULL,
	"score_feedback_handling" smallint NOT NULL,
	"score_overall" smallint NOT NULL,
	"comment" text,
	"citizen_user_id" uuid,
	"rated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_scores_range" CHECK ("satisfaction_ratings"."score_access" BETWEEN 1 AND 5 AND "satisfaction_ratings"."score_procedures" BETWEEN 1 AND 5 AND "satisfaction_ratings"."score_conduct" BETWEEN 1 AND 5 AND "satisfaction_ratings"."score_results" BETWEEN 1 AND 5 AND "satisfaction_ratings"."score_feedback_handling" BETWEEN 1 AND 5 AND "satisfaction_ratings"."score_overall" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "feedback_code_sequences" (
	"day" date NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "feedback_code_sequences_day_pk" PRIMARY KEY("day")
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feedback_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"note" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"type" text NOT NULL,
	"field" text NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"assignee_id" uuid,
	"dossier_id" uuid,
	"dossier_code" text,
	"sender_name" text,
	"sender_phone" text,
	"sender_email" text,
	"sender_address" text,
	"sender_user_id" uuid,
	"consent_publish" boolean DEFAULT false NOT NULL,
	"written_on" date,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"ack_days" integer NOT NULL,
	"answer_days" integer NOT NULL,
	"ack_due_at" timestamp with time zone NOT NULL,
	"answer_due_at" timestamp with time zone NOT NULL,
	"calendar_version" integer NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"answer" text,
	"answered_by" uuid,
	"published_at" timestamp with time zone,
	"public_body" text,
	"public_answer" text,
	"sender_verdict" text,
	"merged_into_id" uuid,
	"external_ref" text,
	"open311_key_id" uuid,
	"lat" double precision,
	"long" double precision,
	"address_string" text,
	"media_url" text,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (search_norm(code || ' ' || coalesce(title, '') || ' ' || body || ' ' || coalesce(sender_name, ''))) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"label" text NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"secure" boolean DEFAULT true NOT NULL,
	"username" text NOT NULL,
	"password" text NOT NULL,
	"mailbox" text DEFAULT 'INBOX' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"uid_validity" text,
	"last_uid" integer DEFAULT 0 NOT NULL,
	"last_polled_at" timestamp with time zone,
	"last_error" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feedback_id" uuid NOT NULL,
	"job_key" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"status" text NOT NULL,
	"provider_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_rules" (
	"type" text PRIMARY KEY NOT NULL,
	"ack_days" integer NOT NULL,
	"answer_days" integer NOT NULL,
	"remind_days_before" integer DEFAULT 2 NOT NULL,
	"source" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"unit_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "satisfaction_invites" ADD CONSTRAINT "satisfaction_invites_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_ratings" ADD CONSTRAINT "satisfaction_ratings_competent_unit_id_units_id_fk" FOREIGN KEY ("competent_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_feedback_id_feedback_items_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_merged_into_id_feedback_items_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_mailboxes" ADD CONSTRAINT "feedback_mailboxes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_notifications" ADD CONSTRAINT "feedback_notifications_feedback_id_feedback_items_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_invites_dossier_uq" ON "satisfaction_invites" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_invites_token_uq" ON "satisfaction_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_ratings_dossier_uq" ON "satisfaction_ratings" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "satisfaction_ratings_unit_idx" ON "satisfaction_ratings" USING btree ("unit_id","rated_at");--> statement-breakpoint
CREATE INDEX "satisfaction_ratings_official_idx" ON "satisfaction_ratings" USING btree ("official_id","rated_at");--> statement-breakpoint
CREATE INDEX "satisfaction_ratings_procedure_idx" ON "satisfaction_ratings" USING btree ("procedure_id","rated_at");--> statement-breakpoint
CREATE INDEX "feedback_events_item_idx" ON "feedback_events" USING btree ("feedback_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_code_uq" ON "feedback_items" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_external_uq" ON "feedback_items" USING btree ("channel","external_ref");--> statement-breakpoint
CREATE INDEX "feedback_items_unit_idx" ON "feedback_items" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "feedback_items_received_idx" ON "feedback_items" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "feedback_items_dossier_idx" ON "feedback_items" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "feedback_items_search_idx" ON "feedback_items" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "feedback_mailboxes_unit_idx" ON "feedback_mailboxes" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_notifications_job_uq" ON "feedback_notifications" USING btree ("job_key","channel","recipient");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_hash_uq" ON "open311_api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "open311_api_keys_unit_idx" ON "open311_api_keys" USING btree ("unit_id");--> statement-breakpoint
-- Default time-limit rules (configurable data, editable in the app): the Decision 766 indicator 5.2 service-level
-- values as measured by DVCQG (feedback.md §4) — 2 working days to acknowledge or refuse, 15 to answer. They are
-- tagged [S] in the domain notes, hence verified = false. Decree 20/2008's own numbers may differ ([R]).
INSERT INTO "feedback_rules" ("type", "ack_days", "answer_days", "remind_days_before", "source", "verified") VALUES
  ('complaint', 2, 15, 2, 'QĐ 766/QĐ-TTg chỉ số 5.2 (mô tả công thức VPCP) [S]; NĐ 20/2008 có thể khác [R]', false),
  ('recommendation', 2, 15, 2, 'QĐ 766/QĐ-TTg chỉ số 5.2 (mô tả công thức VPCP) [S]; NĐ 20/2008 có thể khác [R]', false),
  ('question', 2, 15, 2, 'QĐ 766/QĐ-TTg chỉ số 5.2 (mô tả công thức VPCP) [S]', false),
  ('praise', 2, 15, 2, 'Không có thời hạn pháp định; dùng mức 766 để theo dõi [R]', false)
ON CONFLICT ("type") DO NOTHING;
