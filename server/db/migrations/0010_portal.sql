CREATE TABLE "portal_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"id_number" text,
	"full_name" text NOT NULL,
	"phone" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_official_ids" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"id_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_oidc_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal_payment_accounts" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"bank_bin" text NOT NULL,
	"bank_name" text NOT NULL,
	"account_number" text NOT NULL,
	"account_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_submission_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"document_index" integer NOT NULL,
	"sha256" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"file_name" text,
	"reused_from_file_id" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_name" text NOT NULL,
	"reception_unit_id" uuid NOT NULL,
	"applicant" jsonb NOT NULL,
	"summary" text,
	"status" text NOT NULL,
	"dossier_id" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"refusal_reason" text,
	"fee_amount" integer DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by" uuid,
	"e_id_verified" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal_identities" ADD CONSTRAINT "portal_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_official_ids" ADD CONSTRAINT "portal_official_ids_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_payment_accounts" ADD CONSTRAINT "portal_payment_accounts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_submission_files" ADD CONSTRAINT "portal_submission_files_submission_id_portal_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."portal_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_submissions" ADD CONSTRAINT "portal_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_submissions" ADD CONSTRAINT "portal_submissions_reception_unit_id_units_id_fk" FOREIGN KEY ("reception_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_identities_subject_uq" ON "portal_identities" USING btree ("issuer","subject");--> statement-breakpoint
CREATE INDEX "portal_identities_user_idx" ON "portal_identities" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "portal_identities_id_number_idx" ON "portal_identities" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_official_ids_number_uq" ON "portal_official_ids" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_submission_files_doc_uq" ON "portal_submission_files" USING btree ("submission_id","document_index");--> statement-breakpoint
CREATE INDEX "portal_submissions_user_idx" ON "portal_submissions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "portal_submissions_unit_idx" ON "portal_submissions" USING btree ("reception_unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_submissions_dossier_uq" ON "portal_submissions" USING btree ("dossier_id");