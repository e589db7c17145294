// ZTE MF-series 3GPP sticks (MF626, MF190, MF668): registration and roaming from +CREG
// (27.007) like any 3GPP modem, the technology from ZTE's AT+ZPAS? (ModemManager's ZTE
// plugin, reference transcript 14), which names HSPA/EDGE where +COPS often gives none.
import { ask, gppNetwork } from './generic-base';
import { generic3gpp } from './generic-3gpp';
import type { ModemProfile } from './modem-types';
import { parseZpas } from './parsers/vendor-status';

export const zte3gpp: ModemProfile = {
  ...generic3gpp,
  id: 'zte-3gpp',
  async network(ch) {
    const net = await gppNetwork(ch);
    if (net.mode === 'no-service') return net;
    const zpas = ((await ask(ch, 'AT+ZPAS?')) ?? []).map(parseZpas).find((x) => x !== null) ?? null;
    // +ZPAS "NO SERVICE" while +CREG says registered: trust the registration, mode unknown.
    return zpas && zpas !== 'no-service' ? { ...net, mode: zpas } : net;
  },
};
