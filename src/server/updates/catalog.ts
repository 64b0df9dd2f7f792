// The application updates the central server publishes: `<data>/updates/<channel>/` holds what
// electron-builder produced for each platform (latest*.yml, installers, blockmaps) plus the release
// signatures (latest*.yml.sig, made offline with `fashen update sign`). The staged-rollout share is
// the server's to change: `rollout.json` {"stagingPercentage": 20} in the channel folder is merged
// into every channel file as it is served. The release signature does not cover that field, so
// changing the share needs no re-signing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { z } from 'zod';
import { channelFilesIn } from '../../main/services/update/release-tools';
import { platformOfChannelFile } from '../../main/services/update/update-info';
import { UPDATE_CHANNEL_NAME } from '../../shared/api/app';
import { writeFileDurable } from '../../main/services/cache-crypto/durable';

const Rollout = z.object({ stagingPercentage: z.number().int().min(0).max(100) }).strict();

export interface ChannelSummary {
  channel: string;
  /** From rollout.json; null: as written in each channel file (usually everyone). */
  stagingPercentage: number | null;
  files: { name: string; version: string | null; signed: boolean; updatedAt: string }[];
}

export function isChannelName(name: string): boolean {
  return UPDATE_CHANNEL_NAME.test(name);
}

/** latest.yml, latest-linux.yml, beta-mac.yml …: the names electron-updater asks for (update-info.ts). */
export function isChannelFile(name: string): boolean {
  return platformOfChannelFile(name) !== null;
}

export function readRollout(channelDir: string): number | null {
  const p = join(channelDir, 'rollout.json');
  if (!existsSync(p)) return null;
  const parsed = Rollout.safeParse(JSON.parse(readFileSync(p, 'utf8')));
  if (!parsed.success) throw new Error(`${p} is invalid`);
  return parsed.data.stagingPercentage;
}

export function writeRollout(channelDir: string, stagingPercentage: number): void {
  const p = join(channelDir, 'rollout.json');
  writeFileDurable(p, `${JSON.stringify(Rollout.parse({ stagingPercentage }))}\n`, 0o644);
}

/** A channel file as served: unchanged, or with the server's rollout share in stagingPercentage. */
export function servedChannelFile(text: string, stagingPercentage: number | null): string {
  if (stagingPercentage === null) return text;
  const info = load(text);
  if (!info || typeof info !== 'object' || Array.isArray(info)) throw new Error('channel file is not a YAML mapping');
  return dump({ ...(info as Record<string, unknown>), stagingPercentage }, { lineWidth: 8000 });
}

function versionOf(file: string): string | null {
  try {
    const v = (load(readFileSync(file, 'utf8')) as { version?: unknown } | null)?.version;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

export function listChannels(updatesRoot: string): ChannelSummary[] {
  if (!existsSync(updatesRoot)) return [];
  return readdirSync(updatesRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isChannelName(d.name))
    .map((d) => {
      const dir = join(updatesRoot, d.name);
      return {
        channel: d.name,
        stagingPercentage: readRollout(dir),
        files: channelFilesIn(dir).map((name) => ({ name, version: versionOf(join(dir, name)), signed: existsSync(join(dir, `${name}.sig`)), updatedAt: statSync(join(dir, name)).mtime.toISOString() })),
      };
    })
    .sort((a, b) => a.channel.localeCompare(b.channel));
}
