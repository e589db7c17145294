// A real network interface for the OS-counter path (D-TRAF-1): a veth pair whose far end
// lives in a network namespace made for the test, addressed 10.213.N.1 ↔ 10.213.N.2.
// Needs root (CAP_NET_ADMIN) and iproute2; `vethAvailable` says whether this machine can.
import { execFileSync } from 'node:child_process';

export interface VethPair {
  hostIface: string;
  hostIp: string;
  peerIp: string;
  netns: string;
  destroy(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

export const vethAvailable: boolean = (() => {
  const probe = `assaprobe${process.pid % 10000}`;
  try {
    ip('link', 'add', probe, 'type', 'veth', 'peer', 'name', `${probe}p`);
    ip('link', 'del', probe);
    return true;
  } catch {
    return false;
  }
})();

export function createVethPair(n = (process.pid % 200) + 20): VethPair {
  const hostIface = `assav${n}`;
  const netns = `assa-test-${process.pid}-${n}`;
  const hostIp = `10.213.${n}.1`;
  const peerIp = `10.213.${n}.2`;
  ip('netns', 'add', netns);
  try {
    ip('link', 'add', hostIface, 'type', 'veth', 'peer', 'name', `${hostIface}p`);
    ip('link', 'set', `${hostIface}p`, 'netns', netns);
    ip('addr', 'add', `${hostIp}/30`, 'dev', hostIface);
    ip('link', 'set', hostIface, 'up');
    ip('-n', netns, 'addr', 'add', `${peerIp}/30`, 'dev', `${hostIface}p`);
    ip('-n', netns, 'link', 'set', `${hostIface}p`, 'up');
    ip('-n', netns, 'link', 'set', 'lo', 'up');
  } catch (e) {
    try {
      ip('link', 'del', hostIface);
    } catch {
      /* not created */
    }
    ip('netns', 'del', netns);
    throw e;
  }
  return {
    hostIface,
    hostIp,
    peerIp,
    netns,
    destroy() {
      try {
        ip('link', 'del', hostIface);
      } catch {
        /* gone with the namespace */
      }
      ip('netns', 'del', netns);
    },
  };
}
