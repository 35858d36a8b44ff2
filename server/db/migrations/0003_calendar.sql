CREATE TABLE "calendar_holiday_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"names" jsonb NOT NULL,
	"kind" text NOT NULL,
	"month" integer,
	"day" integer,
	"day_count" integer NOT NULL,
	"extra_days" text,
	"start_offset_days" integer,
	"compensate_on_weekly_rest" boolean NOT NULL,
	"valid_from_year" integer,
	"valid_to_year" integer,
	"source" text NOT NULL,
	"confirmed" boolean NOT NULL,
	"from_version" integer NOT NULL,
	"to_version" integer
);
--> statement-breakpoint
CREATE TABLE "calendar_rule_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rule_id" text NOT NULL,
	"extra_days" text,
	"start_offset_days" integer,
	"dates" jsonb,
	"source" text NOT NULL,
	"confirmed" boolean NOT NULL,
	"note" text,
	"from_version" integer NOT NULL,
	"to_version" integer
);
--> statement-breakpoint
CREATE TABLE "calendar_schedule_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"reason" jsonb NOT NULL,
	"source" text NOT NULL,
	"confirmed" boolean NOT NULL,
	"swap_with" date,
	"from_version" integer NOT NULL,
	"to_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_schedule_days_year" CHECK ("calendar_schedule_days"."year" = extract(year from "calendar_schedule_days"."date")),
	CONSTRAINT "calendar_schedule_days_kind" CHECK ("calendar_schedule_days"."kind" IN ('day_off', 'makeup_working_day'))
);
--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_id" uuid NOT NULL,
	"session_sets" jsonb NOT NULL,
	"weekly_days_off" jsonb NOT NULL,
	"cutoff" text,
	"recompute_open_deadlines" boolean DEFAULT false NOT NULL,
	"from_version" integer NOT NULL,
	"to_version" integer
);
--> statement-breakpoint
CREATE TABLE "calendar_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	"request_id" text,
	"calendar_id" uuid NOT NULL,
	"unit_id" uuid,
	"changes" jsonb NOT NULL,
	"recompute_open_deadlines" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid,
	"created_in_version" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_holiday_rules" ADD CONSTRAINT "calendar_holiday_rules_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_rule_overrides" ADD CONSTRAINT "calendar_rule_overrides_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_schedule_days" ADD CONSTRAINT "calendar_schedule_days_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_settings" ADD CONSTRAINT "calendar_settings_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_versions" ADD CONSTRAINT "calendar_versions_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_holiday_rules_current_uq" ON "calendar_holiday_rules" USING btree ("calendar_id","rule_id") WHERE to_version IS NULL;--> statement-breakpoint
CREATE INDEX "calendar_holiday_rules_calendar_idx" ON "calendar_holiday_rules" USING btree ("calendar_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_rule_overrides_current_uq" ON "calendar_rule_overrides" USING btree ("calendar_id","year","rule_id") WHERE to_version IS NULL;--> statement-breakpoint
CREATE INDEX "calendar_rule_overrides_calendar_idx" ON "calendar_rule_overrides" USING btree ("calendar_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_schedule_days_current_uq" ON "calendar_schedule_days" USING btree ("calendar_id","date") WHERE to_version IS NULL;--> statement-breakpoint
CREATE INDEX "calendar_schedule_days_calendar_idx" ON "calendar_schedule_days" USING btree ("calendar_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_settings_current_uq" ON "calendar_settings" USING btree ("calendar_id") WHERE to_version IS NULL;--> statement-breakpoint
CREATE INDEX "calendar_settings_calendar_idx" ON "calendar_settings" USING btree ("calendar_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_versions_number_uq" ON "calendar_versions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "calendar_versions_created_idx" ON "calendar_versions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calendars_unit_uq" ON "calendars" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendars_national_uq" ON "calendars" USING btree ((unit_id IS NULL)) WHERE unit_id IS NULL;