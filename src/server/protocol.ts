// The wire contract lives in src/shared/sync/protocol.ts (shared with the workstation's sync engine).
export * from '../shared/sync/protocol';
