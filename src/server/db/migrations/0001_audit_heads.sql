CREATE TABLE "audit_heads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device" text NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"reported_at" text,
	"user_id" integer NOT NULL,
	"login_device" text NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_heads_status_ck" CHECK ("audit_heads"."status" in ('accepted', 'rewritten'))
);
--> statement-breakpoint
ALTER TABLE "audit_heads" ADD CONSTRAINT "audit_heads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_heads_uq" ON "audit_heads" USING btree ("device","seq","hash");--> statement-breakpoint
CREATE INDEX "audit_heads_user_idx" ON "audit_heads" USING btree ("user_id");