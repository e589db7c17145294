// Unsolicited result codes the channel routes to subscribers even when they arrive in the
// middle of a command's answer (transcript 09: ^DSFLOWRPT between echo and OK). Sources:
// Huawei EC/E-series (^…), ZTE (+Z…), Qualcomm/3GPP 27.007/27.005 and ring indications.
export const URC_PREFIXES: readonly string[] = [
  '^DSFLOWRPT', '^RSSI', '^HRSSILVL', '^HDRRSSI', '^HDRCSQ', '^CSNR', '^HCSQ', '^MODE', '^BOOT', '^SRVST', '^SIMST',
  '^HCMTI', '^HCMGSS', '^HCMGSF', '^HCDS', '^ORIG', '^CONF', '^CONN', '^CEND', '^DCONN', '^DEND', '^NDISSTAT',
  '^STIN', '^SMMEMFULL', '^POSITION', '^RFSWITCH', '^CRSSI', '^ANLEVEL', '^LWURC', '^SYSSTART',
  '+ZPASVAL', '+ZUSIMR', '+ZEND', '+ZDONR', '+ZSTR', '+ZCDSSTATE',
  '+CMTI', '+CMT', '+CDSI', '+CDS', '+CBM', '+CUSD', '+CLIP', '+CRING', '+CCWA', '+CREG', '+CGREG', '+CEREG',
  '+CIEV', '+CSQN', '+PSBEARER', 'RING',
];

/** The URC prefix of a line, or null. `ownPrefix` is the command in flight's own name:
 * "+CREG: 0,1" answers AT+CREG? and is not a URC then. */
export function urcPrefixOf(line: string, ownPrefix: string | null): string | null {
  const head = /^([+^][A-Z0-9]+|RING)\b/i.exec(line)?.[1]?.toUpperCase() ?? null;
  if (!head || !URC_PREFIXES.includes(head)) return null;
  if (head === 'RING' && line.trim().toUpperCase() !== 'RING') return null;
  if (ownPrefix && head === ownPrefix.toUpperCase()) return null;
  return head;
}

/** "AT+CREG?" → "+CREG", "AT^SYSINFO" → "^SYSINFO", "ATI" → null. */
export function commandPrefix(command: string): string | null {
  return /^AT([+^$%][A-Z0-9]+)/i.exec(command.trim())?.[1]?.toUpperCase() ?? null;
}
