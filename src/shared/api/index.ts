// The whole Api contract: every call the renderer (or a test) may make.
import { appApi } from './app';
import { casesApi } from './cases';
import { evidenceApi } from './evidence';
import { reviewApi } from './review';
import { opinionsApi } from './opinions';
import { syncApi } from './sync';
import { auditApi } from './audit';
import { crashApi } from './crash';
import { meetingsApi } from './meetings';
import type { InputOf, OutputOf } from './define';

export const api = { ...appApi, ...casesApi, ...evidenceApi, ...reviewApi, ...opinionsApi, ...syncApi, ...meetingsApi, ...auditApi, ...crashApi } as const;
export type ApiContract = typeof api;
export type CallName = keyof ApiContract;
export type CallInput<N extends CallName> = InputOf<ApiContract[N]>;
export type CallOutput<N extends CallName> = OutputOf<ApiContract[N]>;

export const callNames = Object.keys(api) as CallName[];
export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

export * from './result';
export * from './cases';
export * from './evidence';
export * from './review';
export * from './opinions';
export * from './sync';
export * from './meetings';
export * from './app';
export * from './audit';
export * from './crash';
export * from './events';
