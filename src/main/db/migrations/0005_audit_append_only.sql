CREATE INDEX `audit_subject_idx` ON `audit` (`subject`,`seq`);--> statement-breakpoint
-- The audit log is append-only (issue 8): changing or removing an entry is refused by the store
-- itself, not only by the code that writes it. Tampering with the file directly is caught by
-- the hash chain (`fashen audit verify`).
CREATE TRIGGER `audit_no_update` BEFORE UPDATE ON `audit`
BEGIN
	SELECT RAISE(ABORT, '审计记录只能追加，不能修改');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_no_delete` BEFORE DELETE ON `audit`
BEGIN
	SELECT RAISE(ABORT, '审计记录只能追加，不能删除');
END;
