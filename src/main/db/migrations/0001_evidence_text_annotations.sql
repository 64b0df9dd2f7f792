CREATE TABLE `page_text` (
	`sha256` text NOT NULL,
	`page` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `blob`(`sha256`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `page_text_uq` ON `page_text` (`sha256`,`page`);--> statement-breakpoint
ALTER TABLE `annotation` ADD `sha256` text;--> statement-breakpoint
ALTER TABLE `annotation` ADD `kind` text DEFAULT 'highlight' NOT NULL;--> statement-breakpoint
ALTER TABLE `annotation` ADD `redaction_reason` text;--> statement-breakpoint
ALTER TABLE `blob` ADD `detected_mime` text;--> statement-breakpoint
ALTER TABLE `blob` ADD `page_count` integer;--> statement-breakpoint
ALTER TABLE `blob` ADD `text_state` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `blob` ADD `problem` text;--> statement-breakpoint
ALTER TABLE `blob` ADD `derived_from` text;