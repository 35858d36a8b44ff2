CREATE TABLE "dossier_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"document_id" uuid,
	"is_result" boolean DEFAULT false NOT NULL,
	"sha256" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"file_name" text,
	"digitised" boolean DEFAULT true NOT NULL,
	"reused_from_id" uuid,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_files_slot_uq" UNIQUE NULLS NOT DISTINCT("dossier_id","document_id","is_result","sha256")
);
--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_document_id_dossier_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."dossier_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_reused_from_id_dossier_files_id_fk" FOREIGN KEY ("reused_from_id") REFERENCES "public"."dossier_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_files_dossier_idx" ON "dossier_files" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_files_sha_idx" ON "dossier_files" USING btree ("sha256");