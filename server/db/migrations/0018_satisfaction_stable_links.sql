-- Invitations issued until now keep their random token (nonce NULL): token_hash still finds them. Their next issue
-- gives a keyed link (HMAC of id and nonce, satisfaction.links.ts) and moves the old hash to earlier_token_hash.
ALTER TABLE "satisfaction_invites" ADD COLUMN "nonce" text;--> statement-breakpoint
ALTER TABLE "satisfaction_invites" ADD COLUMN "earlier_token_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_invites_earlier_token_uq" ON "satisfaction_invites" USING btree ("earlier_token_hash");
