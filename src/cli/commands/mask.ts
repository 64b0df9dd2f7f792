// `fashen mask [--names 方宇,李月] [--json]`: stdin → stdout with personal identifiers masked
// (the same function as the audience view and publication: src/shared/privacy/mask.ts).
import type { Io } from '../main';
import { maskPersonalData } from '../../shared/privacy/mask';

/** All of stdin as UTF-8, exactly (no newline handling, a BOM is kept). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** "方宇,李月" / "方宇，李月、王芳" → names. */
export function parseNames(list: string | undefined): string[] {
  return (list ?? '')
    .split(/[,，、;；\s]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

export async function maskCommand(
  args: string[],
  opts: { json: boolean; names?: string | undefined },
  io: Io,
  input: () => Promise<string> = () => readStdin(),
): Promise<number> {
  if (args.length) {
    io.err('用法：fashen mask [--names 姓名,姓名] [--json] < 输入文本\n');
    return 2;
  }
  const text = await input();
  const result = maskPersonalData(text, { naturalPersons: parseNames(opts.names) });
  if (opts.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else io.out(result.text);
  return 0;
}
