// U-TRAY-1 notifications as events: the renderer shows them in the page (browser mode),
// the Electron tray natively. `text` is the English fallback; UIs translate by `code`.
import type { Clock } from './clock';
import type { EventBus } from './event-bus';

/** The English fallback's money (the screens format it per language from the kopecks). */
const uah = (k: number) => `${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')} UAH`;

const TEXTS: Record<string, (p: Record<string, string | number>) => string> = {
  link_dropped: (p) => `The connection dropped (${p.reason ?? 'unknown'}).`,
  sms_received: (p) => `New SMS from ${p.from ?? 'unknown'}.`,
  balance_short: (p) => `The balance is ${uah(Number(p.shortKopecks ?? 0))} short of the fee due on the 1st.`,
  registered: () => 'The number is registered in the self-service system.',
  modem_found: (p) => `Modem ready: ${p.model ?? ''}`,
};

export type Notify = (code: string, level: 'info' | 'warning' | 'error', params?: Record<string, string | number>, id?: string) => void;

export function createNotifier(bus: EventBus, clock: Clock): Notify {
  return (code, level, params = {}, id) => {
    const at = new Date(clock.now()).toISOString();
    bus.publish({ type: 'notification', id: id ?? `${code}-${at}`, level, code, text: TEXTS[code]?.(params) ?? code, at, params });
  };
}
