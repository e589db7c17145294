// Addresses the network side gives data sessions (CONTRACTS.md `assa sim`: 127.10.0.0/16).
// 127.10.0.0 and 127.10.255.255 are never handed out.

export class AddressPool {
  private readonly used = new Set<number>();
  private next = 1;

  allocate(): string {
    for (let n = 0; n < 65534; n++) {
      const host = ((this.next - 1 + n) % 65534) + 1; // 1..65534
      if (!this.used.has(host)) {
        this.used.add(host);
        this.next = (host % 65534) + 1;
        return `127.10.${host >> 8}.${host & 0xff}`;
      }
    }
    throw new Error('address pool 127.10.0.0/16 exhausted');
  }

  release(ip: string): void {
    const m = /^127\.10\.(\d+)\.(\d+)$/.exec(ip);
    if (m) this.used.delete(Number(m[1]) * 256 + Number(m[2]));
  }
}
