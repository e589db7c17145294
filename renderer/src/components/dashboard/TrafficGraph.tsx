// U-DASH-1 / D-TRAF-1: the live speed graph (uPlot: small, fast, made for live series)
// and the session's counters, both sources shown when the modem and the OS disagree.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrafficSnapshotDto } from '../../../../src/shared/app-methods-traffic';
import type { Language } from '../../../../src/shared/app-contract';
import { useApi, useModemState } from '../../api-context';
import { formatBytes, formatDuration, formatKyivTime, formatRate } from '../../format';

const WINDOW = 120; // seconds of history on the graph

export function TrafficGraph() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const api = useApi();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const series = useRef<[number[], number[], number[]]>([[], [], []]);
  const [snap, setSnap] = useState<TrafficSnapshotDto | null>(null);
  // A speed is only true while the link is up: after an unplug or a hang-up the last one
  // would stay on screen as if data still flowed, so the rates and the graph are cleared.
  const modem = useModemState();
  const online = modem?.status === 'connected';
  useEffect(() => {
    if (online) return;
    series.current.forEach((a) => (a.length = 0));
    plot.current?.setData(series.current);
  }, [online]);

  useEffect(() => {
    if (!box.current) return;
    plot.current = new uPlot(
      {
        width: Math.min(640, box.current.clientWidth || 600),
        height: 180,
        // The x axis and legend in Kyiv time, the language's style (uPlot's own is the browser's zone, US style).
        series: [{ value: (_u, v) => (v == null ? '' : formatKyivTime(v * 1000, lang)) }, { label: t('traffic.in'), stroke: '#0b5cad', width: 2 }, { label: t('traffic.out'), stroke: '#1d7a35', width: 2 }],
        axes: [{ values: (_u, vals) => vals.map((v) => formatKyivTime(v * 1000, lang)), space: 80 }, { values: (_u, vals) => vals.map((v) => formatRate(v, lang)), size: 80 }],
        legend: { show: true },
      },
      series.current,
      box.current,
    );
    return () => plot.current?.destroy();
  }, [t, lang]);

  useEffect(() => {
    api.call('traffic.current', {}).then(setSnap, () => undefined);
    return api.subscribe((e) => {
      if (e.type !== 'traffic.sample') return;
      const s = e.snapshot;
      const [x, rx, tx] = series.current;
      x.push(s.at / 1000);
      rx.push(s.rxRate);
      tx.push(s.txRate);
      if (x.length > WINDOW) [x, rx, tx].forEach((a) => a.shift());
      plot.current?.setData(series.current);
      setSnap(s);
    });
  }, [api]);

  return (
    <article className="card" aria-labelledby="traffic-card">
      <h2 id="traffic-card">{t('traffic.live')}</h2>
      <div ref={box} className="graph" role="img" aria-label={snap && online ? t('traffic.graphLabel', { rx: formatRate(snap.rxRate, lang), tx: formatRate(snap.txRate, lang) }) : t('traffic.noSession')} />
      {snap ? (
        <dl className="facts" data-testid="session-counters">
          <dt>{t('traffic.received')}</dt>
          <dd data-testid="session-rx">{formatBytes(snap.rxBytes, lang)}</dd>
          <dt>{t('traffic.sent')}</dt>
          <dd>{formatBytes(snap.txBytes, lang)}</dd>
          {online ? (
            <>
              <dt>{t('traffic.speed')}</dt>
              <dd data-testid="session-speed">
                ↓ {formatRate(snap.rxRate, lang)} ↑ {formatRate(snap.txRate, lang)}
              </dd>
            </>
          ) : null}
          <dt>{t('traffic.duration')}</dt>
          <dd>{formatDuration(snap.durationS)}</dd>
          {snap.disagree && snap.modem && snap.os ? (
            <>
              <dt>{t('traffic.byModem')}</dt>
              <dd>{formatBytes(snap.modem.rxBytes + snap.modem.txBytes, lang)}</dd>
              <dt>{t('traffic.byOs')}</dt>
              <dd>{formatBytes(snap.os.rxBytes + snap.os.txBytes, lang)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="muted">{t('traffic.noSession')}</p>
      )}
    </article>
  );
}
