// D-DIAL-1 on Windows: rasdial with a private phonebook, behind the same Dialler
// interface as pppd. Hang-up is `rasdial ENTRY /disconnect`; a drop is noticed by
// polling `rasdial` (it lists the connected entries). Not runnable in Linux CI; the
// phonebook and the error reading are unit-tested.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { connectionError } from './pppd-exit';
import { rasdialFailure, rasPhonebook, RAS_ENTRY } from './ras-phonebook';
import type { DataSession, Dialler, DialRequest } from './dialler';

const run = promisify(execFile);

export function rasDialler(opts: { deviceName: (req: DialRequest) => string; pollMs?: number }): Dialler {
  return {
    async dial(req: DialRequest): Promise<DataSession> {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-ras-'));
      const pbk = path.join(dir, 'assa.pbk');
      const comPort = req.modem.found.dataPort ?? req.modem.found.controlPort;
      writeFileSync(pbk, rasPhonebook({ profile: req.profile, comPort, deviceName: opts.deviceName(req) }));
      req.onPhase('dialling');
      const r = await run('rasdial', [RAS_ENTRY, req.profile.user, req.profile.password, `/phonebook:${pbk}`], { windowsHide: true }).then(
        (o) => ({ out: o.stdout, code: 0 }),
        (e: { stdout?: string; code?: number }) => ({ out: e.stdout ?? '', code: typeof e.code === 'number' ? e.code : 1 }),
      );
      const failure = rasdialFailure(r.out, r.code);
      if (failure) throw connectionError(failure.code, { rasError: failure.rasError });
      let ours = false;
      const ended = new Promise<{ code: string | null }>((resolve) => {
        const t = setInterval(() => {
          void run('rasdial', [], { windowsHide: true }).then((o) => {
            if (!o.stdout.includes(RAS_ENTRY)) {
              clearInterval(t);
              resolve({ code: ours ? null : 'modem_hangup' });
            }
          });
        }, opts.pollMs ?? 2000);
      });
      return {
        via: 'ras',
        iface: null,
        localIp: null,
        ended,
        async hangup() {
          ours = true;
          await run('rasdial', [RAS_ENTRY, '/disconnect', `/phonebook:${pbk}`], { windowsHide: true }).catch(() => undefined);
        },
      };
    },
  };
}
