CREATE TABLE `meeting_case` (
	`meeting_id` text NOT NULL,
	`case_id` text NOT NULL,
	`position` integer NOT NULL,
	`revision_hash` text,
	`round` integer,
	`review_json` text,
	`notes` text DEFAULT '' NOT NULL,
	`conclusion_text` text,
	`follows_review` integer,
	`differing_reason` text,
	`concluded_at` text,
	PRIMARY KEY(`meeting_id`, `case_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `case_file`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_case_case_idx` ON `meeting_case` (`case_id`);--> statement-breakpoint
CREATE TABLE `meeting_minutes` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`case_id` text NOT NULL,
	`content_json` text NOT NULL,
	`content_hash` text NOT NULL,
	`docx_sha256` text NOT NULL,
	`pdf_sha256` text NOT NULL,
	`recorder_signature_json` text,
	`host_signature_json` text,
	`submission_sha256` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `case_file`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_minutes_case_uq` ON `meeting_minutes` (`meeting_id`,`case_id`);--> statement-breakpoint
CREATE INDEX `meeting_minutes_case_idx` ON `meeting_minutes` (`case_id`);--> statement-breakpoint
CREATE TABLE `meeting_opinion` (
	`meeting_id` text NOT NULL,
	`case_id` text NOT NULL,
	`attendee_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`recorded_at` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `case_id`, `attendee_id`),
	FOREIGN KEY (`meeting_id`,`case_id`) REFERENCES `meeting_case`(`meeting_id`,`case_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `meeting` ADD `state` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `meeting` ADD `agenda_index` integer;--> statement-breakpoint
ALTER TABLE `meeting` ADD `topic` text;--> statement-breakpoint
ALTER TABLE `meeting` ADD `evidence_json` text;--> statement-breakpoint
ALTER TABLE `meeting` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `meeting` ADD `created_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `meeting` ADD `updated_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `meeting_state_idx` ON `meeting` (`state`);