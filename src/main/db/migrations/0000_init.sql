CREATE TABLE `agency` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`region` text NOT NULL,
	`level` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `annotation` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`item_id` text NOT NULL,
	`page` integer,
	`anchor_json` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`review_point` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case_file`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `annotation_case_idx` ON `annotation` (`case_id`);--> statement-breakpoint
CREATE TABLE `audit` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`device` text NOT NULL,
	`action` text NOT NULL,
	`subject` text,
	`detail_json` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `blob` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`stored_at` text NOT NULL,
	`verified_state` text DEFAULT 'ok' NOT NULL,
	`verified_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `case_officer` (
	`case_id` text NOT NULL,
	`officer_id` text NOT NULL,
	`is_case_officer` integer NOT NULL,
	PRIMARY KEY(`case_id`, `officer_id`),
	FOREIGN KEY (`case_id`) REFERENCES `case_file`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`officer_id`) REFERENCES `officer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_file` (
	`id` text PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL,
	`revision_hash` text NOT NULL,
	`case_number` text NOT NULL,
	`cause` text NOT NULL,
	`agency_code` text NOT NULL,
	`handling_unit` text NOT NULL,
	`party_name` text NOT NULL,
	`submitted_on` text NOT NULL,
	`violation_start` text NOT NULL,
	`violation_end` text NOT NULL,
	`continuing` integer DEFAULT false NOT NULL,
	`facts` text NOT NULL,
	`procedure_json` text NOT NULL,
	`proposed_decision_json` text NOT NULL,
	`proposed_fine_fen` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`offline` integer DEFAULT false NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`agency_code`) REFERENCES `agency`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_number_uq` ON `case_file` (`case_number`);--> statement-breakpoint
CREATE INDEX `case_submitted_idx` ON `case_file` (`submitted_on`);--> statement-breakpoint
CREATE INDEX `case_status_idx` ON `case_file` (`status`);--> statement-breakpoint
CREATE TABLE `document` (
	`case_id` text NOT NULL,
	`id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`doc_number` text,
	`date` text NOT NULL,
	`path` text NOT NULL,
	`sha256` text NOT NULL,
	PRIMARY KEY(`case_id`, `id`),
	FOREIGN KEY (`case_id`) REFERENCES `case_file`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sha256`) REFERENCES `blob`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_sha_idx` ON `document` (`sha256`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`case_id` text NOT NULL,
	`id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`collected_by_json` text NOT NULL,
	`collected_on` text NOT NULL,
	`proves` text NOT NULL,
	`path` text NOT NULL,
	`sha256` text NOT NULL,
	PRIMARY KEY(`case_id`, `id`),
	FOREIGN KEY (`case_id`) REFERENCES `case_file`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sha256`) REFERENCES `blob`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_sha_idx` ON `evidence` (`sha256`);--> statement-breakpoint
CREATE TABLE `meeting` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`held_on` text NOT NULL,
	`place` text NOT NULL,
	`state_json` text NOT NULL,
	`started_at` text,
	`ended_at` text
);
--> statement-breakpoint
CREATE TABLE `officer` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`credential_no` text NOT NULL,
	`credential_valid_from` text NOT NULL,
	`credential_valid_to` text NOT NULL,
	`legal_qualification` integer DEFAULT false NOT NULL,
	`unit` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `opinion` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`content_json` text NOT NULL,
	`content_hash` text NOT NULL,
	`docx_sha256` text,
	`pdf_sha256` text,
	`signature_json` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `review`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`case_id` text,
	`payload_json` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `party` (
	`case_id` text NOT NULL,
	`id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text NOT NULL,
	`address` text NOT NULL,
	`legal_representative` text,
	`phone` text,
	`business_scope` text,
	PRIMARY KEY(`case_id`, `id`),
	FOREIGN KEY (`case_id`) REFERENCES `case_file`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`round` integer NOT NULL,
	`case_revision_hash` text NOT NULL,
	`findings_json` text DEFAULT '[]' NOT NULL,
	`conclusion` text,
	`opinion_text` text,
	`reviewer_id` text,
	`started_at` text NOT NULL,
	`concluded_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `case_file`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_case_round_uq` ON `review` (`case_id`,`round`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
