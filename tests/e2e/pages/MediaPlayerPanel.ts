// Page object: the 视听资料 player in a pane — play, the media element's clock, time notes.
import type { Locator } from '@playwright/test';

export class MediaPlayerPanel {
  readonly viewer: Locator;
  readonly markers: Locator;

  constructor(pane: Locator) {
    this.viewer = pane.getByTestId('media-viewer').filter({ visible: true });
    this.markers = this.viewer.getByTestId('media-marker');
  }

  media(): Locator {
    return this.viewer.locator('audio, video');
  }

  async play(): Promise<void> {
    await this.viewer.getByTestId('media-play').click();
  }

  /** The clock beside the buttons: 0:01 / 0:02. */
  clock(): Locator {
    return this.viewer.getByTestId('media-clock');
  }

  async currentTime(): Promise<number> {
    return this.media().evaluate((m: HTMLMediaElement) => m.currentTime);
  }

  async state(): Promise<{ paused: boolean; duration: number; error: number | null }> {
    return this.media().evaluate((m: HTMLMediaElement) => ({ paused: m.paused, duration: m.duration, error: m.error?.code ?? null }));
  }

  async addNote(text: string): Promise<void> {
    await this.viewer.getByTestId('media-add-note').click();
    await this.viewer.getByTestId('annotation-note').fill(text);
    await this.viewer.getByTestId('annotation-save').click();
  }
}
