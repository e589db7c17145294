// The security decisions of the Electron shell as plain functions and values, free of the
// `electron` module so they are unit-tested on every machine (test/unit/electron).

export const APP_ORIGIN = 'app://assa';

/** BrowserWindow webPreferences: Electron security checklist items 2-4, 6 and 13. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const;

/** Only our own page may call the core over IPC (checklist item 17: validate the sender). */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  if (!frameUrl) return false;
  try {
    const u = new URL(frameUrl);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Navigation stays inside the bundle. */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedSender(url);
}

/** External links open in the user's browser only when they are https. */
export function isOpenableExternally(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Maps an app:// URL to a file under the renderer folder, or null when it would leave
 * that folder (path traversal, encoded or not) or names another host.
 */
export function resolveAppFile(rootDir: string, requestUrl: string, sep = '/'): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const parts: string[] = [];
  for (const part of rel.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  if (parts.length === 0) return null;
  const root = rootDir.endsWith(sep) ? rootDir.slice(0, -1) : rootDir;
  return [root, ...parts].join(sep);
}
