// Electron's security checklist applied to every web contents the app ever creates:
// no navigation away from the bundle, no new windows, no webviews, no permissions.
import { app, shell } from 'electron';
import { isAllowedNavigation, isOpenableExternally } from './security-policy';

export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the operator's site open in the user's browser, never inside the app.
      if (isOpenableExternally(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.session.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
    contents.session.setPermissionCheckHandler(() => false);
  });
}
