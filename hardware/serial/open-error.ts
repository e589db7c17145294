// M-PORT / D-DIAL-1: why a port would not open, in words a user can act on. Classified
// from the OS error node-serialport passes through (errno names and message text).
import { CodedError } from '../../src/shared/errors';

export type PortOpenErrorCode = 'port_not_found' | 'port_permission' | 'port_busy' | 'port_open_failed';

export function classifyOpenError(path: string, e: unknown): CodedError {
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string } | null)?.code ?? '';
  const has = (re: RegExp) => re.test(code) || re.test(msg);
  if (has(/ENOENT|ENODEV|ENXIO|No such file|not found|cannot find/i)) return new CodedError('port_not_found', `${path} does not exist (is the modem plugged in?).`, { details: { os: msg } });
  if (has(/EACCES|EPERM|Permission denied|Access denied/i)) {
    return new CodedError('port_permission', `No permission to open ${path}. Add yourself to the dialout group: sudo usermod -aG dialout $USER, then log in again.`, { details: { os: msg } });
  }
  if (has(/EBUSY|Resource busy|Cannot lock port|EAGAIN|locked|in use/i)) {
    return new CodedError('port_busy', `${path} is in use by another program (ModemManager, pppd, a vendor dashboard, minicom).`, { details: { os: msg } });
  }
  return new CodedError('port_open_failed', `${path} could not be opened: ${msg}`, { details: { os: msg } });
}
