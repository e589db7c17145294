// U-DIAG-1: the report, the AT terminal, the ports and the SMS inbox.
import { useTranslation } from 'react-i18next';
import { useModemState } from '../api-context';
import { AtTerminal } from '../components/diagnostics/AtTerminal';
import { ModemBackendCard, useBackendStatus } from '../components/diagnostics/ModemBackendCard';
import { PortsCard } from '../components/diagnostics/PortsCard';
import { ReportCard } from '../components/diagnostics/ReportCard';
import { SmsCard } from '../components/diagnostics/SmsCard';

export function DiagnosticsPage() {
  const { t } = useTranslation();
  const modem = useModemState();
  // the terminal only where AT reaches the modem: the ports directly, or MM in debug mode
  const [backend] = useBackendStatus();
  const ready = modem !== null && ['ready', 'connecting', 'connected', 'disconnecting'].includes(modem.status);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('pages.diagnostics.title')}</h1>
      {modem?.port ? (
        // issue 16: which backend drives the modem (ModemManager's modems are "mm:<D-Bus path>")
        <p data-testid="modem-backend">{t(modem.port.startsWith('mm:') ? 'pages.diagnostics.backendModemManager' : 'pages.diagnostics.backendSerial')}</p>
      ) : null}
      <div className="cards">
        <ReportCard />
        <ModemBackendCard />
        <AtTerminal enabled={ready && (backend?.atTerminal ?? true)} />
        <PortsCard />
        <SmsCard enabled={ready} />
      </div>
    </section>
  );
}
