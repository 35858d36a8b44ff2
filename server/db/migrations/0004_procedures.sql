CREATE TABLE "procedure_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"change" jsonb NOT NULL,
	"rationale" text NOT NULL,
	"effective_date" date NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"base_version_no" integer NOT NULL,
	"result_version_no" integer,
	"created_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_review_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"baseline_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"procedure_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"effective_from" date NOT NULL,
	"code" text NOT NULL,
	"national_code" text,
	"national_code_unconfirmed" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"name_fr" text,
	"field" text NOT NULL,
	"authority_level" text NOT NULL,
	"implementing_unit_ids" uuid[] NOT NULL,
	"legal_bases" jsonb NOT NULL,
	"decision_ref" text,
	"processing_time" jsonb NOT NULL,
	"processing_time_online" jsonb,
	"steps" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"fees" jsonb NOT NULL,
	"online_level" text NOT NULL,
	"result_type" text NOT NULL,
	"result_digitised" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"op" jsonb NOT NULL,
	"proposal_id" uuid,
	"change_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (search_norm(name || ' ' || code || ' ' || coalesce(national_code, ''))) STORED NOT NULL,
	CONSTRAINT "procedure_versions_no_positive" CHECK ("procedure_versions"."version_no" >= 1)
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedure_proposals" ADD CONSTRAINT "procedure_proposals_plan_id_procedure_review_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."procedure_review_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_proposals" ADD CONSTRAINT "procedure_proposals_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_review_plans" ADD CONSTRAINT "procedure_review_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedure_proposals_plan_idx" ON "procedure_proposals" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "procedure_proposals_procedure_idx" ON "procedure_proposals" USING btree ("procedure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_review_plans_unit_year_uq" ON "procedure_review_plans" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_no_uq" ON "procedure_versions" USING btree ("procedure_id","version_no");--> statement-breakpoint
CREATE INDEX "procedure_versions_in_force_idx" ON "procedure_versions" USING btree ("procedure_id","effective_from","version_no");--> statement-breakpoint
CREATE INDEX "procedure_versions_search_idx" ON "procedure_versions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "procedure_versions_units_idx" ON "procedure_versions" USING gin ("implementing_unit_ids");--> statement-breakpoint
CREATE INDEX "procedure_versions_owner_idx" ON "procedure_versions" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_owner_code_uq" ON "procedures" USING btree ("owner_unit_id","code");--> statement-breakpoint
-- Hand-written (not in the drizzle schema on purpose, see procedures.schema.ts): the Vietnamese sort key of the
-- name, computed once per row. Sorting a thousand search hits by vi_sort_key(name) at query time costs tens of
-- milliseconds on PGlite; reading a stored key costs nothing. Generated, so inserts never mention it.
ALTER TABLE "procedure_versions" ADD COLUMN "sort_key" text GENERATED ALWAYS AS (vi_sort_key(name)) STORED;
