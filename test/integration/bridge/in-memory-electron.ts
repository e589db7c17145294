// ipcMain, ipcRenderer, webContents and contextBridge in memory, behaving as Electron's
// do where the app depends on it (Electron 38 docs, "ipcMain", "ipcRenderer",
// "contextBridge"):
// - arguments and results cross by the structured clone algorithm: functions and class
//   identity are lost, a function argument makes invoke() reject;
// - handle() refuses a second handler for a channel; invoke() on a channel without one
//   rejects with "No handler registered for '<channel>'";
// - an error thrown by a handler reaches the renderer as a new Error whose message is
//   "Error invoking remote method '<channel>': <error>" — its code and fields are lost;
// - the handler's event carries sender (the webContents) and senderFrame (url, or null
//   once the frame is gone);
// - webContents.send() delivers (event, ...clonedArgs) to the renderer's listeners;
// - contextBridge.exposeInMainWorld() hands the page copies: functions are proxied,
//   their arguments and results cloned, function arguments proxied back.
import type { IpcMainInvokeEvent, IpcRenderer, IpcRendererEvent } from 'electron';
import type { IpcRendererLike } from '../../../electron/preload-bridge';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

export interface FakeWebContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  destroy(): void;
}

export interface FakePage {
  webContents: FakeWebContents;
  ipcRenderer: IpcRendererLike;
  /** The frame navigates (senderFrame.url changes) or goes away (null). */
  setFrameUrl(url: string | null): void;
  /** What contextBridge.exposeInMainWorld put on this page's window. */
  world: Record<string, unknown>;
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
}

export function inMemoryElectron() {
  const handlers = new Map<string, Handler>();
  let nextId = 1;

  const ipcMain = {
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  };

  function page(url: string | null): FakePage {
    let frameUrl = url;
    let destroyed = false;
    const listeners = new Map<string, Set<Listener>>();
    const webContents: FakeWebContents = {
      id: nextId++,
      isDestroyed: () => destroyed,
      send(channel, ...args) {
        if (destroyed) throw new Error('Object has been destroyed');
        const cloned = structuredClone(args);
        // Delivery is asynchronous in Electron: a later task in the renderer.
        setImmediate(() => {
          for (const l of listeners.get(channel) ?? []) l({ sender: null } as unknown as IpcRendererEvent, ...cloned);
        });
      },
      destroy() {
        destroyed = true;
      },
    };
    const ipcRenderer: FakePage['ipcRenderer'] = {
      async invoke(channel, ...args) {
        const cloned = structuredClone(args); // throws DataCloneError on functions, as Electron does
        await new Promise((r) => setImmediate(r));
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
        const event = { sender: webContents, senderFrame: frameUrl === null ? null : { url: frameUrl }, processId: 1, frameId: 1 } as unknown as IpcMainInvokeEvent;
        try {
          return structuredClone(await handler(event, ...cloned));
        } catch (e) {
          throw new Error(`Error invoking remote method '${channel}': ${String(e)}`);
        }
      },
      on(channel, listener: Listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
        return ipcRenderer as IpcRenderer;
      },
      removeListener(channel, listener: Listener) {
        listeners.get(channel)?.delete(listener);
        return ipcRenderer as IpcRenderer;
      },
    };
    const world: Record<string, unknown> = {};
    return {
      webContents,
      ipcRenderer,
      setFrameUrl: (u) => (frameUrl = u),
      world,
      contextBridge: {
        exposeInMainWorld(key, api) {
          world[key] = acrossWorlds(api);
        },
      },
    };
  }

  return { ipcMain, page, handlerCount: () => handlers.size };
}

/** contextBridge's copy of a value: plain data cloned, functions proxied both ways. */
function acrossWorlds(value: unknown): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => {
      const out = (value as (...a: unknown[]) => unknown)(...args.map(acrossWorlds));
      return out instanceof Promise ? out.then((v) => structuredClone(v)) : acrossWorlds(out);
    };
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, acrossWorlds(v)]));
  }
  return structuredClone(value);
}
