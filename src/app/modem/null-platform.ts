// A platform that never finds a modem: the app with the modem search switched off
// (`assa start --no-modem`), and the shell before a platform is given.
import { CodedError } from '../../shared/errors';
import type { ModemPlatform } from './modem-platform';

export const nullPlatform: ModemPlatform = {
  watch: (listener) => {
    listener(null);
    return () => undefined;
  },
  rescan: async () => undefined,
  ports: async () => [],
  openChannel: async () => {
    throw new CodedError('no_modem', 'No modem is connected.');
  },
  pickProfile: async () => {
    throw new CodedError('no_modem', 'No modem is connected.');
  },
};
