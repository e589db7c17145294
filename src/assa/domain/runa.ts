// A-RUNA-1..3: a RUNA is six digits the subscriber picks and activates from the own
// phone or modem — SMS "XXXXXX" to 2772, or dialling *2772*XXXXXX or 2772XXXXXX. The
// replies are the operator's exact texts (A-RUNA-2). Valid 10 minutes, one use.

export const RUNA_TTL_MS = 10 * 60_000;
export const RUNA_SHORT_NUMBER = '2772';

export const RUNA_TEXTS = {
  activated: (code: string) => `kod RUNA ${code} vdalo aktyvovan`,
  malformed: 'kod RUNA ne aktyvovan. Pravylnyi format sms: AAAAAA, de A-tsyfra vid 0 do 9',
  announcement: { activated: 'Activation successful', invalid_number: 'Invalid number dialled', failed: 'Activation failed, try again' },
} as const;

/** The code in an SMS to 2772: exactly six digits (spaces around tolerated). */
export function runaFromSms(text: string): string | null {
  const t = text.trim();
  return /^\d{6}$/.test(t) ? t : null;
}

/** The code in dialled digits: *2772*XXXXXX or 2772XXXXXX (a trailing # allowed). */
export function runaFromDial(digits: string): string | null {
  const d = digits.trim().replace(/#$/, '');
  return /^\*2772\*(\d{6})$/.exec(d)?.[1] ?? /^2772(\d{6})$/.exec(d)?.[1] ?? null;
}
