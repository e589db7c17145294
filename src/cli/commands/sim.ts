// `assa sim` (CONTRACTS.md): runs the virtual modem (APP.md V-1..V-6) on a pseudo-terminal.
// Placeholder so that main.ts type-checks while hardware/virtual is written (issue 4).
import { CodedError } from '../../shared/errors';

export interface SimOptions {
  profile?: 'huawei-ec' | 'zte-ac' | 'generic-3gpp';
  link?: string;
  number?: string;
  assa?: string;
  radius?: string;
  radiusSecret?: string;
  scenario?: string;
}

export async function runSim(_opts: SimOptions): Promise<void> {
  throw new CodedError('not_implemented', 'the virtual modem is being written (issue 4)');
}
