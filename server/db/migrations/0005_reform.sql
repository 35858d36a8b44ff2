CREATE TABLE "reform_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuer" text NOT NULL,
	"signer" text,
	"summary" text NOT NULL,
	"file_url" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_task_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"progress" integer NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"evidence_url" text,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"document_id" uuid,
	"assignee_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"completed_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"province_unit_id" uuid NOT NULL,
	"unit_id" uuid,
	"locality_name" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_score" numeric(7, 2),
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"max_points" numeric(7, 2) NOT NULL,
	"guidance" text,
	"method" text DEFAULT 'self' NOT NULL,
	"live_figure_key" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "par_criteria_max_nonneg" CHECK ("par_criteria"."max_points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "par_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"document_id" uuid,
	"figure_key" text,
	"figure_value" numeric(14, 2),
	"figure_period" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"target_level" text NOT NULL,
	"name" text NOT NULL,
	"decision_ref" text,
	"max_points" numeric(7, 2) DEFAULT 100 NOT NULL,
	"bands" jsonb NOT NULL,
	"tie_rule" text DEFAULT 'competition' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "par_frameworks_max_positive" CHECK ("par_frameworks"."max_points" > 0)
);
--> statement-breakpoint
CREATE TABLE "par_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"unit_id" uuid,
	"self_score" numeric(7, 2),
	"self_comment" text,
	"self_by" uuid,
	"self_at" timestamp with time zone,
	"appraised_score" numeric(7, 2),
	"appraisal_comment" text,
	"appraised_by" uuid,
	"appraised_at" timestamp with time zone,
	"survey_score" numeric(7, 2),
	"survey_respondents" integer,
	"survey_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"note" text NOT NULL,
	"evidence_url" text,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"decision_ref" text,
	"approved_on" date,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"responsible_unit_id" uuid NOT NULL,
	"content" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"closing_evidence" text,
	"closing_evidence_url" text,
	"closed_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"decision_ref" text,
	"start_on" date NOT NULL,
	"end_on" date,
	"team" jsonb NOT NULL,
	"findings" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"conclusion_ref" text,
	"concluded_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"authors" text NOT NULL,
	"field" text,
	"description" text NOT NULL,
	"registered_on" date NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"evaluated_on" date,
	"evaluation_score" numeric(5, 2),
	"evaluation_note" text,
	"recognition_ref" text,
	"recognition_level" text,
	"applied" boolean DEFAULT false NOT NULL,
	"applied_from" date,
	"application_note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"full_name" text NOT NULL,
	"position" text,
	"work_unit" text,
	"birth_year" integer,
	"result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"organiser" text NOT NULL,
	"level" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"location" text,
	"reported_participants" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_external" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"position" text,
	"course" text NOT NULL,
	"organiser" text NOT NULL,
	"location" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"decision_ref" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"position" text,
	"level" text NOT NULL,
	"sanction" text NOT NULL,
	"decided_on" date NOT NULL,
	"decision_ref" text NOT NULL,
	"reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reform_documents" ADD CONSTRAINT "reform_documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_task_reports" ADD CONSTRAINT "reform_task_reports_task_id_reform_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."reform_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_tasks" ADD CONSTRAINT "reform_tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_tasks" ADD CONSTRAINT "reform_tasks_document_id_reform_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."reform_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_tasks" ADD CONSTRAINT "reform_tasks_assignee_unit_id_units_id_fk" FOREIGN KEY ("assignee_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_framework_id_par_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."par_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_province_unit_id_units_id_fk" FOREIGN KEY ("province_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_criteria" ADD CONSTRAINT "par_criteria_framework_id_par_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."par_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_criteria" ADD CONSTRAINT "par_criteria_parent_id_par_criteria_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."par_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_evidence" ADD CONSTRAINT "par_evidence_assessment_id_par_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."par_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_evidence" ADD CONSTRAINT "par_evidence_criterion_id_par_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."par_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_evidence" ADD CONSTRAINT "par_evidence_document_id_reform_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."reform_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_frameworks" ADD CONSTRAINT "par_frameworks_province_unit_id_units_id_fk" FOREIGN KEY ("province_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_scores" ADD CONSTRAINT "par_scores_assessment_id_par_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."par_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_scores" ADD CONSTRAINT "par_scores_criterion_id_par_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."par_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_follow_ups" ADD CONSTRAINT "inspection_follow_ups_recommendation_id_inspection_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."inspection_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendations" ADD CONSTRAINT "inspection_recommendations_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendations" ADD CONSTRAINT "inspection_recommendations_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_target_unit_id_units_id_fk" FOREIGN KEY ("target_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_initiatives" ADD CONSTRAINT "reform_initiatives_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external" ADD CONSTRAINT "training_external_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reform_documents_number_uq" ON "reform_documents" USING btree ("unit_id","number","issued_on");--> statement-breakpoint
CREATE INDEX "reform_documents_unit_date_idx" ON "reform_documents" USING btree ("unit_id","issued_on");--> statement-breakpoint
CREATE INDEX "reform_task_reports_task_idx" ON "reform_task_reports" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "reform_tasks_unit_idx" ON "reform_tasks" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "reform_tasks_assignee_idx" ON "reform_tasks" USING btree ("assignee_unit_id","deadline");--> statement-breakpoint
CREATE INDEX "reform_tasks_document_idx" ON "reform_tasks" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_assessments_unit_uq" ON "par_assessments" USING btree ("framework_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_assessments_name_uq" ON "par_assessments" USING btree ("framework_id","locality_name");--> statement-breakpoint
CREATE INDEX "par_assessments_unit_idx" ON "par_assessments" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_criteria_code_uq" ON "par_criteria" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "par_criteria_parent_idx" ON "par_criteria" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "par_evidence_assessment_idx" ON "par_evidence" USING btree ("assessment_id","criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_frameworks_year_uq" ON "par_frameworks" USING btree ("province_unit_id","year","target_level");--> statement-breakpoint
CREATE UNIQUE INDEX "par_scores_uq" ON "par_scores" USING btree ("assessment_id","criterion_id");--> statement-breakpoint
CREATE INDEX "inspection_follow_ups_rec_idx" ON "inspection_follow_ups" USING btree ("recommendation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plans_year_uq" ON "inspection_plans" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "inspection_recs_inspection_idx" ON "inspection_recommendations" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_recs_responsible_idx" ON "inspection_recommendations" USING btree ("responsible_unit_id","status");--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "inspections" USING btree ("unit_id","start_on");--> statement-breakpoint
CREATE INDEX "inspections_target_idx" ON "inspections" USING btree ("target_unit_id");--> statement-breakpoint
CREATE INDEX "reform_initiatives_unit_idx" ON "reform_initiatives" USING btree ("unit_id","registered_on");--> statement-breakpoint
CREATE INDEX "training_attendance_class_idx" ON "training_attendance" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "training_classes_unit_idx" ON "training_classes" USING btree ("unit_id","start_on");--> statement-breakpoint
CREATE INDEX "training_external_unit_idx" ON "training_external" USING btree ("unit_id","start_on");--> statement-breakpoint
CREATE INDEX "discipline_records_unit_idx" ON "discipline_records" USING btree ("unit_id","decided_on");