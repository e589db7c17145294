// A-REG-2 on screen: the same rules as the server (src/shared/password-rules.ts), one line
// per broken rule, updated as the user types — so no request (and no SMS) is spent on a
// password the server would refuse.
import { useTranslation } from 'react-i18next';
import { passwordProblems, type PasswordRule } from '../../../../src/shared/password-rules';

export function brokenRules(password: string, number: string | null): PasswordRule[] {
  return passwordProblems(password, number ?? '').map((p) => p.rule);
}

export function PasswordRules({ id, password, number, show }: { id: string; password: string; number: string | null; show: boolean }) {
  const { t } = useTranslation();
  const broken = brokenRules(password, number);
  if (!show || password === '') {
    return (
      <p id={id} className="muted">
        {t('account.rules')}
      </p>
    );
  }
  if (broken.length === 0) {
    return (
      <p id={id} className="ok" data-testid="password-rules-ok">
        {t('auth.rulesMet')}
      </p>
    );
  }
  return (
    <ul id={id} className="rules error" data-testid="password-rules" aria-live="polite">
      {broken.map((r) => (
        <li key={r} data-rule={r}>
          {t(`auth.broken.${r}`)}
        </li>
      ))}
    </ul>
  );
}
