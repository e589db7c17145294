// The virtual modem's device profiles by id (CONTRACTS.md `assa sim --profile`).
import { generic3gpp } from './generic-3gpp';
import { huaweiEc } from './huawei-ec';
import type { DeviceProfile, ProfileId } from './profile-types';
import { zteAc } from './zte-ac';

export type { DeviceProfile, ProfileId } from './profile-types';

export const PROFILE_IDS: readonly ProfileId[] = ['huawei-ec', 'zte-ac', 'generic-3gpp'];

/** A fresh profile (profiles keep per-device settings such as ^PREFMODE). */
export function profileById(id: ProfileId): DeviceProfile {
  switch (id) {
    case 'huawei-ec':
      return huaweiEc();
    case 'zte-ac':
      return zteAc();
    case 'generic-3gpp':
      return generic3gpp();
    default:
      throw new RangeError(`unknown modem profile "${String(id)}" (expected ${PROFILE_IDS.join(', ')})`);
  }
}
