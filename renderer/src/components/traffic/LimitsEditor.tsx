// D-TRAF-3: limits on traffic, connected time or money per day or month, with warning
// thresholds and an optional disconnect; saved in the app's settings.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrafficLimit } from '../../../../src/shared/traffic-limits';
import { useApi } from '../../api-context';
import { errorText } from '../../hooks/use-live';

const UNIT: Record<TrafficLimit['kind'], number> = { bytes: 1024 * 1024, seconds: 60, kopecks: 100 };

export function LimitsEditor() {
  const { t } = useTranslation();
  const api = useApi();
  const [limits, setLimits] = useState<TrafficLimit[]>([]);
  const [msg, setMsg] = useState<string | null>(null);
  useEffect(() => {
    api.call('settings.get', {}).then((s) => setLimits(s.limits), () => undefined);
  }, [api]);
  const update = (i: number, patch: Partial<TrafficLimit>) => setLimits((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const add = () => setLimits((ls) => [...ls, { id: `limit-${Date.now() % 1_000_000}`, kind: 'bytes', period: 'month', amount: 1024 * UNIT.bytes, warnAt: [80], disconnect: false }]);
  const save = async () => {
    setMsg(null);
    try {
      await api.call('settings.update', { limits });
      setMsg(t('limits.saved'));
    } catch (e) {
      setMsg(errorText(t, e));
    }
  };
  return (
    <article className="card wide" aria-labelledby="limits-title">
      <h2 id="limits-title">{t('limits.title')}</h2>
      {limits.length === 0 ? <p className="muted">{t('limits.none')}</p> : null}
      {limits.map((l, i) => (
        <fieldset key={l.id} className="limit" data-testid={`limit-${i}`}>
          <legend>{t('limits.limit', { n: i + 1 })}</legend>
          <label>
            {t('limits.kind')}
            <select value={l.kind} onChange={(e) => update(i, { kind: e.target.value as TrafficLimit['kind'], amount: UNIT[e.target.value as TrafficLimit['kind']] * 100 })}>
              <option value="bytes">{t('limits.kinds.bytes')}</option>
              <option value="seconds">{t('limits.kinds.seconds')}</option>
              <option value="kopecks">{t('limits.kinds.kopecks')}</option>
            </select>
          </label>
          <label>
            {t('limits.period')}
            <select value={l.period} onChange={(e) => update(i, { period: e.target.value as TrafficLimit['period'] })}>
              <option value="day">{t('limits.periods.day')}</option>
              <option value="month">{t('limits.periods.month')}</option>
            </select>
          </label>
          <label>
            {t(`limits.amount.${l.kind}`)}
            <input type="number" min={1} value={Math.round(l.amount / UNIT[l.kind])} onChange={(e) => update(i, { amount: Math.max(1, Number(e.target.value)) * UNIT[l.kind] })} />
          </label>
          <label>
            {t('limits.warnAt')}
            <input type="number" min={1} max={99} value={l.warnAt[0] ?? 80} onChange={(e) => update(i, { warnAt: [Math.min(99, Math.max(1, Number(e.target.value)))] })} />
          </label>
          <label className="inline">
            <input type="checkbox" checked={l.disconnect} onChange={(e) => update(i, { disconnect: e.target.checked })} />
            {t('limits.disconnect')}
          </label>
          <button type="button" className="secondary" onClick={() => setLimits((ls) => ls.filter((_, j) => j !== i))}>
            {t('limits.remove')}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={add} data-testid="limit-add">{t('limits.add')}</button>
        <button type="button" onClick={save} data-testid="limits-save">{t('limits.save')}</button>
      </div>
      <p aria-live="polite" className="muted" data-testid="limits-message">{msg ?? ''}</p>
    </article>
  );
}
