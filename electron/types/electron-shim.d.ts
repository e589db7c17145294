// The `electron` package is an optional dependency whose install drops out where its
// binary cannot be downloaded, and its typings go with it. This declares the part of
// Electron's API that electron/ uses, so the type check passes on every machine.
declare module 'electron' {
  interface WebContents {
    id: number;
    send(channel: string, ...args: unknown[]): void;
    setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' | 'allow' }): void;
    on(event: 'will-navigate' | 'will-redirect', l: (e: { preventDefault(): void }, url: string) => void): void;
    on(event: 'will-attach-webview', l: (e: { preventDefault(): void }) => void): void;
    isDestroyed(): boolean;
    session: Session;
  }
  interface Session {
    setPermissionRequestHandler(h: ((wc: WebContents, permission: string, cb: (ok: boolean) => void) => void) | null): void;
    setPermissionCheckHandler(h: ((wc: WebContents | null, permission: string) => boolean) | null): void;
  }
  interface BrowserWindowOptions {
    width?: number;
    height?: number;
    minWidth?: number;
    minHeight?: number;
    show?: boolean;
    title?: string;
    backgroundColor?: string;
    webPreferences?: {
      preload?: string;
      contextIsolation?: boolean;
      sandbox?: boolean;
      nodeIntegration?: boolean;
      nodeIntegrationInWorker?: boolean;
      nodeIntegrationInSubFrames?: boolean;
      webSecurity?: boolean;
      allowRunningInsecureContent?: boolean;
      webviewTag?: boolean;
      spellcheck?: boolean;
    };
  }
  class BrowserWindow {
    constructor(opts: BrowserWindowOptions);
    webContents: WebContents;
    loadURL(url: string): Promise<void>;
    once(event: 'ready-to-show', l: () => void): void;
    on(event: 'closed', l: () => void): void;
    show(): void;
    focus(): void;
    restore(): void;
    isMinimized(): boolean;
    static getAllWindows(): BrowserWindow[];
  }
  interface IpcMainInvokeEvent {
    sender: WebContents;
    senderFrame: { url: string } | null;
  }
  const ipcMain: {
    handle(channel: string, h: (e: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
    removeHandler(channel: string): void;
  };
  interface IpcRendererEvent {
    sender: unknown;
  }
  const ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, l: (e: IpcRendererEvent, ...args: unknown[]) => void): void;
    removeListener(channel: string, l: (e: IpcRendererEvent, ...args: unknown[]) => void): void;
  };
  const contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  const protocol: {
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void;
    handle(scheme: string, handler: (req: Request) => Response | Promise<Response>): void;
  };
  const app: {
    whenReady(): Promise<void>;
    on(event: 'window-all-closed' | 'activate' | 'before-quit', l: () => void): void;
    on(event: 'second-instance', l: () => void): void;
    on(event: 'web-contents-created', l: (e: unknown, wc: WebContents) => void): void;
    quit(): void;
    enableSandbox(): void;
    requestSingleInstanceLock(): boolean;
    getPath(name: 'userData' | 'home' | 'temp'): string;
    getVersion(): string;
    setLoginItemSettings(s: { openAtLogin: boolean }): void;
  };
  const shell: { openExternal(url: string): Promise<void> };
  interface NativeImage {
    isEmpty(): boolean;
  }
  const nativeImage: { createFromPath(p: string): NativeImage };
  class Tray {
    constructor(image: NativeImage);
    setImage(image: NativeImage): void;
    setToolTip(text: string): void;
    setContextMenu(menu: Menu): void;
    on(event: 'click', l: () => void): void;
    destroy(): void;
  }
  interface MenuItemOptions {
    label: string;
    enabled?: boolean;
    click?: () => void;
  }
  class Menu {
    static buildFromTemplate(items: MenuItemOptions[]): Menu;
  }
  class Notification {
    constructor(opts: { title: string; body: string });
    show(): void;
    static isSupported(): boolean;
  }
  const safeStorage: {
    isEncryptionAvailable(): boolean;
    getSelectedStorageBackend?(): string;
    encryptString(plain: string): Buffer;
    decryptString(sealed: Buffer): string;
  };
}
