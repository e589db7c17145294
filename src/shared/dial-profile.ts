// D-DIAL-1: how to start a data session. CDMA dials #777 with PAP/CHAP credentials (the
// default profile is Intertelecom's: IT/IT); 3GPP dials *99# with an APN.

export interface DialProfile {
  id: string;
  name: string;
  kind: 'cdma' | '3gpp';
  /** What ATD dials: "#777" for CDMA, "*99#" (or "*99***1#") for 3GPP. */
  number: string;
  user: string;
  password: string;
  /** 3GPP only: the access point name set with AT+CGDCONT before dialling. */
  apn: string | null;
}

export const INTERTELECOM_CDMA: DialProfile = { id: 'intertelecom', name: 'Intertelecom (CDMA #777)', kind: 'cdma', number: '#777', user: 'IT', password: 'IT', apn: null };

export const GENERIC_3GPP: DialProfile = { id: 'generic-3gpp', name: '3G (*99#)', kind: '3gpp', number: '*99#', user: '', password: '', apn: 'internet' };

export const BUILT_IN_PROFILES: readonly DialProfile[] = [INTERTELECOM_CDMA, GENERIC_3GPP];

/** Characters that could break out of a chat script or a pppd options file are refused. */
export function dialProfileProblems(p: DialProfile): string[] {
  const problems: string[] = [];
  if (!/^[0-9*#+]{1,32}$/.test(p.number)) problems.push('number');
  for (const [k, v] of [['user', p.user], ['password', p.password], ['apn', p.apn ?? '']] as const) {
    if (!/^[\x21-\x7e]{0,64}$/.test(v) || /["'\\]/.test(v)) problems.push(k);
  }
  if (p.kind === '3gpp' && !p.apn) problems.push('apn');
  return problems;
}
