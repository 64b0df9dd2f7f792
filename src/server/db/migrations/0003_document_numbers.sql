CREATE TABLE "document_number_blocks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency" text NOT NULL,
	"year" integer NOT NULL,
	"first" integer NOT NULL,
	"last" integer NOT NULL,
	"user_id" integer NOT NULL,
	"device_id" text NOT NULL,
	"reserved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_number_counters" (
	"agency" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_number_counters_agency_year_pk" PRIMARY KEY("agency","year")
);
--> statement-breakpoint
CREATE TABLE "opinion_numbers" (
	"agency" text NOT NULL,
	"document_number" text NOT NULL,
	"year" integer,
	"number" integer,
	"client_id" text NOT NULL,
	"user_id" integer NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinion_numbers_agency_document_number_pk" PRIMARY KEY("agency","document_number")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "document_number_blocks" ADD CONSTRAINT "document_number_blocks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_numbers" ADD CONSTRAINT "opinion_numbers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_number_blocks_user_idx" ON "document_number_blocks" USING btree ("user_id","agency","year");--> statement-breakpoint
CREATE INDEX "opinion_numbers_year_idx" ON "opinion_numbers" USING btree ("agency","year");