CREATE TABLE `case_revision` (
	`case_id` text NOT NULL,
	`revision` integer NOT NULL,
	`revision_hash` text NOT NULL,
	`package_json` text NOT NULL,
	`received_on` text NOT NULL,
	`imported_at` text NOT NULL,
	PRIMARY KEY(`case_id`, `revision`),
	FOREIGN KEY (`case_id`) REFERENCES `case_file`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `review` ADD `overrides_json` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `review` ADD `auto_findings_json` text;--> statement-breakpoint
ALTER TABLE `review` ADD `updated_at` text;