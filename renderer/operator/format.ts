// Money in kopecks shown as hryvnias; times UTC inside, Kyiv time on screen.
export const money = (k: number, lng: string) => `${(k / 100).toLocaleString(lng === 'en' ? 'en-GB' : lng, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ₴`;
export const kyiv = (iso: string | null | undefined, lng: string) =>
  iso ? new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : lng, { timeZone: 'Europe/Kyiv', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '—';
/** "120.50" (hryvnias typed by a person) to kopecks; NaN when it is not an amount. */
export const toKopecks = (s: string) => (/^-?\d+([.,]\d{1,2})?$/.test(s.trim()) ? Math.round(Number(s.trim().replace(',', '.')) * 100) : Number.NaN);
export const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
