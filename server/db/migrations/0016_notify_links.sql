CREATE TABLE "portal_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
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
ALTER TABLE "feedback_items" ADD COLUMN "verdict_token_hash" text;--> statement-breakpoint
ALTER TABLE "portal_notifications" ADD CONSTRAINT "portal_notifications_submission_id_portal_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."portal_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_notifications_job_uq" ON "portal_notifications" USING btree ("job_key","channel","recipient");--> statement-breakpoint
CREATE INDEX "portal_notifications_submission_idx" ON "portal_notifications" USING btree ("submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_verdict_token_uq" ON "feedback_items" USING btree ("verdict_token_hash");--> statement-breakpoint
-- Verdict links sent before keyed links (token = first 32 hex of sha256('verdict:' || id)): store their token's hash
-- too, so they are found through the index like the new ones (feedback.links.ts).
UPDATE "feedback_items" SET "verdict_token_hash" = encode(sha256(convert_to(substr(encode(sha256(convert_to('verdict:' || "id"::text, 'UTF8')), 'hex'), 1, 32), 'UTF8')), 'hex') WHERE "status" IN ('answered', 'closed', 'refused') AND "verdict_token_hash" IS NULL;
