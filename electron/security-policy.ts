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

/**
 * The sites the app may open in the user's browser (shell.openExternal): the operator's
 * own pages (help, tariffs, top-up) and nothing else — a link in a server's reply or an
 * SMS cannot make the app launch an arbitrary URL or a local program (file:, smb:, ...).
 */
export const EXTERNAL_ALLOW_LIST: readonly string[] = ['intertelecom.ua', 'www.intertelecom.ua', 'my.intertelecom.ua', 'assa.intertelecom.ua'];

/** https only, to a host on the allow-list (exact match, no user:password@, default port). */
export function isOpenableExternally(url: string, allow: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  return allow.includes(u.hostname.toLowerCase());
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
