// D-TRAF-2: one session's per-minute series (stored by the traffic service every minute),
// drawn with uPlot, the same figures in a table for screen readers.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Language } from '../../../../src/shared/app-contract';
import { useApi } from '../../api-context';
import { formatBytes, formatKyivHourMinute, formatKyivTime } from '../../format';

type Minute = { minute: string; rxBytes: number; txBytes: number; seconds: number };

export function SessionMinutes({ sessionId }: { sessionId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const api = useApi();
  const box = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<Minute[]>([]);
  useEffect(() => {
    api.call('traffic.minutes', { sessionId }).then(setRows, () => setRows([]));
  }, [api, sessionId]);
  useEffect(() => {
    if (!box.current || rows.length === 0) return;
    const plot = new uPlot(
      {
        width: Math.min(720, box.current.clientWidth || 640),
        height: 160,
        // Kyiv time on the axis and in the legend, as in the table below.
        series: [{ value: (_u, v) => (v == null ? '' : formatKyivHourMinute(v * 1000, lang)) }, { label: '↓', stroke: '#0b5cad', width: 2 }, { label: '↑', stroke: '#1d7a35', width: 2 }],
        axes: [{ values: (_u, v) => v.map((s) => formatKyivHourMinute(s * 1000, lang)), space: 70 }, { values: (_u, v) => v.map((b) => formatBytes(b, lang)), size: 80 }],
      },
      [rows.map((r) => Date.parse(r.minute) / 1000), rows.map((r) => r.rxBytes), rows.map((r) => r.txBytes)],
      box.current,
    );
    return () => plot.destroy();
  }, [rows, lang]);
  if (rows.length === 0) return <p className="muted">{t('trafficPage.noMinutes')}</p>;
  return (
    <div data-testid="session-minutes">
      <div ref={box} className="graph" role="img" aria-label={t('trafficPage.minutesLabel', { count: rows.length })} />
      <details>
        <summary>{t('trafficPage.minutesTable')}</summary>
        <table className="table">
          <tbody>
            {rows.map((r) => (
              <tr key={r.minute}>
                <td>{formatKyivTime(r.minute, lang)}</td>
                <td>↓ {formatBytes(r.rxBytes, lang)}</td>
                <td>↑ {formatBytes(r.txBytes, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
