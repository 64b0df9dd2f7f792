// scripts/node24.sh is sourced into the reader's own shell (README, .ci/run): it must give Node 24
// without changing that shell's options — a `set -e` it left behind closed an interactive terminal
// at the next failing command, and stopped a script at any pipe whose reader quit early.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bash = (script: string, env: NodeJS.ProcessEnv = process.env) => spawnSync('bash', ['-c', script], { encoding: 'utf8', env, cwd: process.cwd() });

describe('scripts/node24.sh', () => {
  it('puts Node 24 first on PATH and leaves the shell’s options as they were', () => {
    const r = bash('before=$(set +o; shopt -p); . scripts/node24.sh >/dev/null; after=$(set +o; shopt -p); [ "$before" = "$after" ] && echo same; node --version; false; echo "went on"');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^same\nv24\.\d+\.\d+\nwent on\n$/);
  });

  it('a Node 24 that cannot be had is a failing status and a message, not a closed shell', () => {
    // An empty prefix and npm pointed at nothing: the install fails.
    const prefix = `${process.env.TMPDIR ?? '/tmp'}/node24-missing-${process.pid}`;
    const r = bash(`. scripts/node24.sh; echo "status $?"`, { ...process.env, NODE24_PREFIX: prefix, npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', npm_config_offline: 'true' });
    expect(r.stdout).toBe('status 1\n');
    expect(r.stderr).toContain('node24.sh: Node 24 could not be installed');
  });
});
