// The timestamp part of an opinion's state line: 待加盖 only while the sync can still stamp it (never
// sent); one that reached the central system unstamped (by an offline bundle, or online without a
// TSA) says it stays as signed, instead of promising a stamp that never comes.
import { describe, expect, it } from 'vitest';
import { LEFT_UNSTAMPED_LABEL, timestampLabel } from '../../src/renderer/src/opinion/labels';

describe('timestampLabel', () => {
  it('promises a stamp only while the opinion has not left', () => {
    expect(timestampLabel({ timestamp: 'pending', submission: 'queued' })).toBe('待加盖时间戳');
    expect(timestampLabel({ timestamp: 'granted', submission: 'accepted' })).toBe('已加盖时间戳');
  });

  it('an opinion the central system received unstamped (carried by USB) says so for good', () => {
    for (const submission of ['accepted', 'sent', 'stale', 'rejected', 'withdrawn'] as const) expect(timestampLabel({ timestamp: 'pending', submission })).toBe(LEFT_UNSTAMPED_LABEL);
    expect(LEFT_UNSTAMPED_LABEL).toBe('未加盖可信时间戳（签名时间为签名人电脑时间）');
  });
});
