CREATE TABLE "dossier_unit_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"transferred_at" timestamp with time zone NOT NULL,
	"from_reception_unit_id" uuid NOT NULL,
	"from_competent_unit_id" uuid NOT NULL,
	"from_returning_unit_id" uuid NOT NULL,
	"to_reception_unit_id" uuid NOT NULL,
	"to_competent_unit_id" uuid NOT NULL,
	"to_returning_unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reorganisation_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"participant" text NOT NULL,
	"action" text NOT NULL,
	"table_name" text NOT NULL,
	"row_id" uuid NOT NULL,
	"before" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reorganisation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"decision_ref" text NOT NULL,
	"decision_date" date,
	"effective_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"operations" jsonb NOT NULL,
	"resolutions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"preview" jsonb,
	"result" jsonb,
	"job_id" text,
	"failure" text,
	"created_by" uuid,
	"executed_at" timestamp with time zone,
	"executed_by" uuid,
	"rolled_back_at" timestamp with time zone,
	"rolled_back_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reorganisation_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"effective_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_unit_transfers" ADD CONSTRAINT "dossier_unit_transfers_plan_id_reorganisation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reorganisation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisation_changes" ADD CONSTRAINT "reorganisation_changes_plan_id_reorganisation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reorganisation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisation_routes" ADD CONSTRAINT "reorganisation_routes_plan_id_reorganisation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reorganisation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisation_routes" ADD CONSTRAINT "reorganisation_routes_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorganisation_routes" ADD CONSTRAINT "reorganisation_routes_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_unit_transfers_dossier_idx" ON "dossier_unit_transfers" USING btree ("dossier_id","transferred_at");--> statement-breakpoint
CREATE INDEX "dossier_unit_transfers_plan_idx" ON "dossier_unit_transfers" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reorganisation_changes_seq_uq" ON "reorganisation_changes" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "reorganisation_changes_row_idx" ON "reorganisation_changes" USING btree ("table_name","row_id");--> statement-breakpoint
CREATE INDEX "reorganisation_plans_status_idx" ON "reorganisation_plans" USING btree ("status","effective_date");--> statement-breakpoint
CREATE UNIQUE INDEX "reorganisation_routes_from_uq" ON "reorganisation_routes" USING btree ("plan_id","from_unit_id");--> statement-breakpoint
CREATE INDEX "reorganisation_routes_from_idx" ON "reorganisation_routes" USING btree ("from_unit_id");