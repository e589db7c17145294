// M-SIG-1 / U-DASH-1: the signal as a quality word and a small graph of the last minutes
// (bars 0-5 per reading), kept in the page from the modem's live details.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import type { SignalDto } from '../../../../src/shared/app-methods-modem';
import { formatKyivTime } from '../../format';

/** How far back the graph reaches, and how many readings it keeps at most. */
export const HISTORY_MS = 10 * 60_000;
export const HISTORY_MAX = 300;

export interface Reading {
  at: number;
  bars: number;
}

/** The readings with `next` added: the last HISTORY_MS only, at most HISTORY_MAX, oldest first. */
export function addReading(list: readonly Reading[], next: Reading): Reading[] {
  const kept = list.filter((r) => r.at > next.at - HISTORY_MS && r.at <= next.at);
  return [...kept, next].slice(-HISTORY_MAX);
}

/** The SVG polyline of the readings over the last HISTORY_MS, bars 0..5 bottom to top. */
export function historyPath(list: readonly Reading[], now: number, width = 300, height = 80): string {
  return list.map((r) => `${(((r.at - (now - HISTORY_MS)) / HISTORY_MS) * width).toFixed(1)},${(height - (r.bars / 5) * height).toFixed(1)}`).join(' ');
}

export function SignalHistory({ signal, at }: { signal: SignalDto | null; at: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [list, setList] = useState<Reading[]>([]);
  useEffect(() => {
    if (!signal) return;
    const when = at ? Date.parse(at) : Date.now();
    setList((prev) => (prev.length && prev[prev.length - 1]!.at === when ? prev : addReading(prev, { at: when, bars: signal.bars })));
  }, [signal, at]);
  const now = list.length ? list[list.length - 1]!.at : Date.now();
  const word = signal ? t(`signalHistory.quality.${signal.bars}`) : null;
  const first = list[0];
  return (
    <div className="signal-history" data-testid="signal-history">
      {word ? <p data-testid="signal-quality">{t('signalHistory.now', { word })}</p> : null}
      <figure aria-label={t('signalHistory.title')}>
        <figcaption className="muted">{t('signalHistory.title')}</figcaption>
        {list.length ? (
          <svg viewBox="0 0 300 80" role="img" aria-label={list.map((r) => `${formatKyivTime(new Date(r.at).toISOString(), lang)}: ${r.bars}`).slice(-5).join(', ')} preserveAspectRatio="none">
            {[1, 2, 3, 4].map((b) => (
              <line key={b} x1="0" x2="300" y1={80 - b * 16} y2={80 - b * 16} stroke="#d5d9df" strokeWidth="1" />
            ))}
            <polyline points={historyPath(list, now)} fill="none" stroke="#0b5cad" strokeWidth="2" />
          </svg>
        ) : (
          <p className="muted">{t('signalHistory.empty')}</p>
        )}
        {first ? (
          <p className="muted">
            {formatKyivTime(new Date(first.at).toISOString(), lang)} – {formatKyivTime(new Date(now).toISOString(), lang)}
          </p>
        ) : null}
      </figure>
    </div>
  );
}
