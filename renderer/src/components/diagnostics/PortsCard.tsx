// M-PORT-1/2 on screen: every serial port with its USB ids, the known stick's name, the
// probe's verdict, and what to do about a stick still in CD-ROM mode.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortInfoDto } from '../../../../src/shared/app-methods-modem';
import { useApi } from '../../api-context';

export function PortsCard() {
  const { t } = useTranslation();
  const api = useApi();
  const [ports, setPorts] = useState<PortInfoDto[] | null>(null);
  const load = () => api.call('modem.ports', {}).then(setPorts, () => setPorts([]));
  useEffect(() => {
    void load();
  }, [api]);
  return (
    <article className="card wide" aria-labelledby="ports-title">
      <h2 id="ports-title">{t('diag.ports')}</h2>
      <button type="button" onClick={() => void api.call('modem.rescan', {}).then(load)}>{t('diag.rescan')}</button>
      {ports && ports.length === 0 ? <p className="muted">{t('diag.noPorts')}</p> : null}
      {ports && ports.length > 0 ? (
        <table className="table" data-testid="ports-table">
          <thead>
            <tr>
              <th scope="col">{t('diag.port')}</th>
              <th scope="col">USB</th>
              <th scope="col">{t('diag.device')}</th>
              <th scope="col">{t('diag.role')}</th>
            </tr>
          </thead>
          <tbody>
            {ports.map((p) => (
              <tr key={p.path}>
                <td><code>{p.path}</code></td>
                <td>{p.vendorId ? `${p.vendorId}:${p.productId}` : '—'}</td>
                <td>
                  {p.knownAs ?? p.product ?? '—'}
                  {p.advice ? <p className="short">{p.advice}</p> : null}
                </td>
                <td>{p.role ? t(`diag.roles.${p.role}`, { defaultValue: p.role }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}
