// D-DIAL-1 / U-SET-1: several dial profiles and a chooser — Intertelecom's CDMA #777, a 3G
// *99# with an APN, and the user's own. The chosen one is the settings' `dial` (its password
// sealed by the core); the user's own are kept in `dialProfiles` without passwords.
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../src/shared/app-contract';
import { BUILT_IN_PROFILES, type DialProfile } from '../../../../src/shared/dial-profile';

type Draft = Pick<Settings, 'dial' | 'dialProfiles'>;

/** Every profile on offer: the built-in ones, the user's own, and the chosen one if it is neither. */
export function profilesOnOffer(d: Draft): DialProfile[] {
  const list = [...BUILT_IN_PROFILES, ...(d.dialProfiles ?? [])];
  return list.some((p) => p.id === d.dial.id) ? list : [...list, d.dial];
}

export const isBuiltIn = (id: string) => BUILT_IN_PROFILES.some((p) => p.id === id);

/** A new own profile, named and numbered so that it does not clash with the others. */
export function newProfile(d: Draft, name: string): DialProfile {
  const taken = new Set(profilesOnOffer(d).map((p) => p.id));
  let n = 1;
  while (taken.has(`custom-${n}`)) n++;
  return { id: `custom-${n}`, name: `${name} ${n}`, kind: '3gpp', number: '*99#', user: '', password: '', apn: 'internet' };
}

/** The draft with profile `p` chosen (and, for an own profile, its edits kept in the list). */
export function choose(d: Draft, p: DialProfile): Draft {
  const own = (d.dialProfiles ?? []).map((x) => (x.id === p.id ? { ...p, password: '' } : x));
  return { dial: { ...p }, dialProfiles: isBuiltIn(p.id) || own.some((x) => x.id === p.id) ? own : [...own, { ...p, password: '' }] };
}

export function DialProfiles({ draft, onChange }: { draft: Draft; onChange: (d: Draft) => void }) {
  const { t } = useTranslation();
  const dial = draft.dial;
  const builtIn = isBuiltIn(dial.id);
  const edit = (patch: Partial<DialProfile>) => onChange(choose(draft, { ...dial, ...patch }));
  const remove = () => {
    const rest = (draft.dialProfiles ?? []).filter((p) => p.id !== dial.id);
    onChange({ dial: { ...BUILT_IN_PROFILES[0]! }, dialProfiles: rest });
  };
  return (
    <fieldset data-testid="dial-profile">
      <legend>{t('dialProfiles.title')}</legend>
      <label>
        {t('dialProfiles.choose')}
        <select
          value={dial.id}
          onChange={(e) => {
            const p = profilesOnOffer(draft).find((x) => x.id === e.target.value);
            if (p) onChange(choose(draft, p));
          }}
          data-testid="dial-choose"
        >
          {profilesOnOffer(draft).map((p) => (
            <option key={p.id} value={p.id}>
              {isBuiltIn(p.id) ? `${p.name} (${t('dialProfiles.builtIn')})` : p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="secondary" onClick={() => onChange(choose(draft, newProfile(draft, t('dialProfiles.custom'))))} data-testid="dial-add">
        {t('dialProfiles.add')}
      </button>
      {!builtIn ? (
        <>
          <label>
            {t('dialProfiles.name')}
            <input value={dial.name} maxLength={64} required onChange={(e) => edit({ name: e.target.value })} data-testid="dial-name" />
          </label>
          <label>
            {t('settings.dialKind')}
            <select value={dial.kind} onChange={(e) => edit(e.target.value === '3gpp' ? { kind: '3gpp', number: '*99#', apn: dial.apn ?? 'internet' } : { kind: 'cdma', number: '#777', apn: null })} data-testid="dial-kind">
              <option value="cdma">{t('settings.dialKinds.cdma')}</option>
              <option value="3gpp">{t('settings.dialKinds.3gpp')}</option>
            </select>
          </label>
        </>
      ) : null}
      <label>
        {t('settings.dialNumber')}
        <input value={dial.number} pattern="[0-9*#+]{1,32}" required onChange={(e) => edit({ number: e.target.value })} data-testid="dial-number" />
      </label>
      <label>
        {t('settings.dialUser')}
        <input value={dial.user} autoComplete="off" onChange={(e) => edit({ user: e.target.value })} />
      </label>
      <label>
        {t('settings.dialPassword')}
        <input value={dial.password} type="password" autoComplete="off" onChange={(e) => edit({ password: e.target.value })} />
      </label>
      {dial.kind === '3gpp' ? (
        <label>
          APN
          <input value={dial.apn ?? ''} required onChange={(e) => edit({ apn: e.target.value || null })} data-testid="dial-apn" />
        </label>
      ) : null}
      {!builtIn ? (
        <button type="button" className="secondary" onClick={remove} data-testid="dial-remove">
          {t('dialProfiles.remove')}
        </button>
      ) : null}
    </fieldset>
  );
}
