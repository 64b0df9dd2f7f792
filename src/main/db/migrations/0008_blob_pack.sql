CREATE TABLE `blob_pack_entry` (
	`sha256` text PRIMARY KEY NOT NULL,
	`pack` text NOT NULL,
	`offset` integer NOT NULL,
	`length` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `blob_pack_entry_pack_idx` ON `blob_pack_entry` (`pack`);