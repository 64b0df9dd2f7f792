// Types for better-sqlite3-multiple-ciphers: its package.json "exports" map hides the bundled
// index.d.ts from TypeScript (and a tsconfig "paths" entry would make tsx load the .d.ts at run
// time). Its API is better-sqlite3 13's plus key()/rekey(), so the typings build on those.
declare module 'better-sqlite3-multiple-ciphers' {
  import BetterSqlite3 = require('better-sqlite3');

  interface CipherMethods {
    /** sqlite3_key: a passphrase, or a raw key given as the bytes of `x'…'` (64 hex digits). */
    key(key: Buffer): number;
    /** sqlite3_rekey: re-encrypt with a new key; an empty Buffer decrypts. */
    rekey(key: Buffer): number;
  }

  interface DatabaseConstructor {
    new (filename?: string | Buffer, options?: BetterSqlite3.Options): Database.Database;
    (filename?: string, options?: BetterSqlite3.Options): Database.Database;
    prototype: Database.Database;
  }

  const Database: DatabaseConstructor;
  namespace Database {
    type Database = BetterSqlite3.Database & CipherMethods;
    type Options = BetterSqlite3.Options;
    type Statement<BindParameters extends unknown[] | {} = unknown[], Result = unknown> = BetterSqlite3.Statement<BindParameters, Result>;
    type RunResult = BetterSqlite3.RunResult;
  }
  export = Database;
}
