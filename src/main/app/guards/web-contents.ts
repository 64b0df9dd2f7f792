// Security guards for every web contents: no navigation away, no new windows, no webviews,
// no permissions.
import { app, session, type WebContents } from 'electron';
import { navigationAllowed } from './url-policy';

export function guardWebContents(): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!navigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!navigationAllowed(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Downloads the app must not start by itself (a record's blob link: it goes through the audited export). */
export function guardDownloads(refuse: (url: string) => boolean): void {
  session.defaultSession.on('will-download', (event, item) => {
    if (refuse(item.getURL())) event.preventDefault();
  });
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
