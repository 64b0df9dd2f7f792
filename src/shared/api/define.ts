// How an Api call is declared: a name, a zod input schema and (phantom) output type.
import { z } from 'zod';

export interface CallDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Phantom: carries the output type only. */
  readonly _output?: O;
}

/** call<Output>()(inputSchema) — the output type is given explicitly, the input is inferred. */
export const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallDef<I, O> => ({ input });

export type Contract = Record<string, CallDef>;
export type InputOf<C extends CallDef> = z.input<C['input']>;
export type ParsedInputOf<C extends CallDef> = z.output<C['input']>;
export type OutputOf<C extends CallDef> = C extends CallDef<z.ZodType, infer O> ? O : never;
