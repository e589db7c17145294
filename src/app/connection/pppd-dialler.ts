// D-DIAL-1 on Linux: the data session is a pppd run on the modem's data port.
import type { PppdLogEvent } from './pppd-log';
import { startPppd } from './pppd-link';
import type { DataSession, Dialler, DialRequest } from './dialler';

export interface PppdDiallerOptions {
  pppdPath?: string;
  chatPath?: string;
  onLine?: (line: string) => void;
}


export function pppdDialler(opts: PppdDiallerOptions = {}): Dialler {
  return {
    async dial({ modem, profile, onPhase }: DialRequest): Promise<DataSession> {
      // Huawei and ZTE sticks have a separate modem port; with one port only, pppd shares it.
      const dataPort = modem.found.dataPort ?? modem.found.controlPort;
      onPhase('dialling');
      const link = startPppd({
        dataPort,
        profile,
        ...(opts.pppdPath ? { pppdPath: opts.pppdPath } : {}),
        ...(opts.chatPath ? { chatPath: opts.chatPath } : {}),
        onEvent: (e: PppdLogEvent) => {
          if (e.kind === 'phase') onPhase(e.phase);
        },
        ...(opts.onLine ? { onLine: opts.onLine } : {}),
      });
      const up = await link.up;
      let ours = false;
      return {
        via: 'pppd',
        iface: up.iface,
        localIp: up.localIp,
        ended: link.ended.then((e) => ({ code: ours ? null : (e.code ?? 'link_failed') })),
        async hangup() {
          ours = true;
          await link.stop();
        },
      };
    },
  };
}
