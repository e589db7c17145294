// Lists of client addresses (single addresses or CIDR blocks, IPv4 and IPv6) for the
// doors that only some machines may knock on: RADIUS accounting (the NAS) and /metrics
// (the monitoring host). node:net's BlockList does the matching; IPv4-mapped IPv6
// addresses (::ffff:127.0.0.1 from a dual-stack socket) count as their IPv4 form.
import { BlockList, isIP } from 'node:net';
import { CodedError } from '../../shared/errors';

export interface AddressList {
  has(address: string): boolean;
  readonly entries: readonly string[];
}

export function addressList(entries: readonly string[], option = 'address list'): AddressList {
  const list = new BlockList();
  for (const raw of entries) {
    const e = raw.trim();
    const [addr, bits] = e.split('/');
    const family = isIP(addr ?? '');
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new CodedError('invalid_option', `${option}: "${e}" is not an IP address or CIDR block`, { field: option.replace(/^--/, '') });
    }
    list.addSubnet(addr!, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return {
    entries: [...entries],
    has(address: string) {
      const a = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
      const family = isIP(a);
      return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

export const LOOPBACK_CLIENTS = ['127.0.0.0/8', '::1'];
