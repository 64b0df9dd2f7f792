// Reading positions are kept per file and per way of reading it (PDF page and zoom, text offset),
// and the lock clears them all (LockGate calls forgetReadingPositions).
import { describe, expect, it } from 'vitest';
import { forgetReadingPositions, readingPosition, rememberReadingPosition } from '../../src/renderer/src/viewers/readingPositions';

describe('reading positions', () => {
  it('keeps a PDF page and a text offset of one file apart', () => {
    rememberReadingPosition('sha-a', { kind: 'pdf', page: 4, zoom: { mode: 'width' } });
    rememberReadingPosition('sha-a', { kind: 'text', offset: 1234 });
    expect(readingPosition('pdf', 'sha-a')).toEqual({ kind: 'pdf', page: 4, zoom: { mode: 'width' } });
    expect(readingPosition('text', 'sha-a')).toEqual({ kind: 'text', offset: 1234 });
    expect(readingPosition('text', 'sha-b')).toBeUndefined();
  });

  it('keeps the latest position of a file', () => {
    rememberReadingPosition('sha-c', { kind: 'text', offset: 10 });
    rememberReadingPosition('sha-c', { kind: 'text', offset: 20 });
    expect(readingPosition('text', 'sha-c')?.offset).toBe(20);
  });

  it('forgets every kind on lock', () => {
    rememberReadingPosition('sha-d', { kind: 'pdf', page: 1, zoom: { mode: 'custom', zoom: 1.5 } });
    rememberReadingPosition('sha-d', { kind: 'text', offset: 99 });
    forgetReadingPositions();
    expect(readingPosition('pdf', 'sha-d')).toBeUndefined();
    expect(readingPosition('text', 'sha-d')).toBeUndefined();
  });
});
