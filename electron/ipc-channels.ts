// The two IPC channels between the main process (ipc.ts) and the preload (preload-bridge.ts).
export const CALL_CHANNEL = 'assa:call';
export const EVENT_CHANNEL = 'assa:event';
