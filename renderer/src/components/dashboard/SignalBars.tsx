// U-DASH-1 / M-SIG-1: bars per technology (1x, EV-DO, GSM/UMTS/LTE); the dBm, Ec/Io and
// SINR figures appear on hover and keyboard focus and are always in the accessible name.
import { useTranslation } from 'react-i18next';
import type { SignalDto } from '../../../../src/shared/app-methods-modem';

/** 0..5 bars from RSSI in dBm (CDMA/GSM scale: -105 none … -75 full). */
export function barsFromDbm(dbm: number): number {
  if (dbm <= -105) return 0;
  return Math.max(0, Math.min(5, Math.round((dbm + 105) / 6)));
}

function Bars({ tech, bars, detail }: { tech: string; bars: number; detail: string }) {
  const { t } = useTranslation();
  const label = t('signal.barsLabel', { tech, bars, detail });
  return (
    <div className="signal" tabIndex={0} aria-label={label} title={detail} data-testid={`signal-${tech}`}>
      <span className="signal-tech">{tech}</span>
      <span className="bars" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} className={`bar bar-${i}${i <= bars ? ' on' : ''}`} />
        ))}
      </span>
      <span className="signal-detail">{detail}</span>
    </div>
  );
}

export function SignalBars({ signal }: { signal: SignalDto | null }) {
  const { t } = useTranslation();
  if (!signal) return <p className="muted">{t('signal.unknown')}</p>;
  const rows: Array<{ tech: string; dbm: number; detail: string }> = [];
  if (signal.cdma1x) rows.push({ tech: '1x', dbm: signal.cdma1x.rssiDbm, detail: `${signal.cdma1x.rssiDbm} dBm${signal.cdma1x.ecioDb !== null ? `, Ec/Io ${signal.cdma1x.ecioDb} dB` : ''}` });
  if (signal.evdo) {
    const e = signal.evdo;
    rows.push({ tech: 'EV-DO', dbm: e.rssiDbm, detail: [`${e.rssiDbm} dBm`, e.ecioDb !== null ? `Ec/Io ${e.ecioDb} dB` : null, e.sinrDb !== null ? `SINR ${e.sinrDb} dB` : null].filter(Boolean).join(', ') });
  }
  if (signal.gsm) rows.push({ tech: signal.lte ? 'LTE' : signal.umts ? 'UMTS' : 'GSM', dbm: signal.gsm.rssiDbm, detail: `${signal.gsm.rssiDbm} dBm` });
  if (rows.length === 0) return <p className="muted">{t('signal.none')}</p>;
  return (
    <div className="signals">
      {rows.map((r) => (
        <Bars key={r.tech} tech={r.tech} bars={barsFromDbm(r.dbm)} detail={r.detail} />
      ))}
    </div>
  );
}
