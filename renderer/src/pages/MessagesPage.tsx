// What modem users expect from Mobile Partner or modem-manager-gui: the SMS inbox and USSD.
import { useTranslation } from 'react-i18next';
import { useModemState } from '../api-context';
import { SmsInbox } from '../components/messages/SmsInbox';
import { UssdCard } from '../components/messages/UssdCard';

export function MessagesPage() {
  const { t } = useTranslation();
  const modem = useModemState();
  const ready = modem !== null && ['ready', 'connecting', 'connected', 'disconnecting'].includes(modem.status);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('messagesPage.title')}</h1>
      <p className="muted">{t('messagesPage.intro')}</p>
      <div className="cards">
        <SmsInbox enabled={ready} />
        <UssdCard enabled={ready} />
      </div>
    </section>
  );
}
