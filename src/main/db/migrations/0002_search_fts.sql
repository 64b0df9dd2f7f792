-- Full-text search (FTS5, trigram tokenizer: Chinese substrings of 3+ characters match without a
-- word segmenter). Page text is stored once in page_text; page_fts indexes it as external
-- content. Case fields are indexed in case_fts, keyed by case_file's rowid. Both are maintained
-- by the search service inside the import transaction.
CREATE VIRTUAL TABLE `page_fts` USING fts5(`text`, content='page_text', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `case_fts` USING fts5(`case_number`, `parties`, `cause`, `facts`, `handling_unit`, tokenize='trigram');
