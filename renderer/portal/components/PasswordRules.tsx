// A-REG-2 as the subscriber types: each rule on its own line, met or not, in words (not
// only colour) so that a screen reader and a colour-blind reader get it too.
import { useTranslation } from 'react-i18next';
import { brokenRules, PASSWORD_RULES } from '../password-feedback';

export function PasswordRules({ id, password, number }: { id: string; password: string; number: string }) {
  const { t } = useTranslation();
  const broken = brokenRules(password, number);
  const touched = password !== '';
  return (
    <div id={id} className="rules">
      <p className="rules-title">{t('portal.rules.title')}</p>
      <ul data-testid="password-rules">
        {PASSWORD_RULES.map((r) => {
          const ok = touched && !broken.has(r);
          return (
            <li key={r} className={ok ? 'rule-ok' : touched ? 'rule-bad' : 'rule-todo'} data-rule={r} data-met={ok ? 'true' : 'false'}>
              <span aria-hidden="true">{ok ? '✓' : touched ? '✗' : '•'}</span> {t(`portal.rules.${r}`)}
              {touched ? <span className="sr-only"> — {ok ? t('portal.rules.met') : t('portal.rules.broken')}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
