// A-RUNA-2: the 2772 service's SMS replies, exactly as the operator sends them:
//   success:   "kod RUNA 123456 vdalo aktyvovan"
//   malformed: "kod RUNA ne aktyvovan. Pravylnyi format sms: AAAAAA, de A-tsyfra vid 0 do 9"
// Tolerant of case, extra spaces and a trailing full stop, as phones and gateways vary.
export type RunaReply = { kind: 'activated'; code: string } | { kind: 'refused' };

export function parseRunaReply(text: string): RunaReply | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const ok = /^kod RUNA (\d{6}) vdalo aktyvovan\.?$/i.exec(t);
  if (ok) return { kind: 'activated', code: ok[1]! };
  if (/^kod RUNA ne aktyvovan\b/i.test(t)) return { kind: 'refused' };
  return null;
}

/** A RUNA the subscriber (here: the app for them) picks: 6 digits (A-RUNA-1). */
export function pickRuna(randomInt: (maxExclusive: number) => number): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}
