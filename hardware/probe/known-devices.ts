// M-PORT-1: USB sticks this app knows by vendor:product id, in modem mode and in the
// CD-ROM (mass-storage) mode many ship in until usb_modeswitch flips them. Ids from
// usb_modeswitch's device configs, ModemManager's udev rules and DD-WRT's 3G table
// (../shared/reference/at-commands.md, source key USBMS/DDWRT); the ones Ukrainian CDMA
// subscribers met most (Huawei EC-series, ZTE AC-series, AnyData, C-Motech) first.

export interface KnownDevice {
  vendorId: string; // 4 lower-case hex digits
  productId: string;
  name: string;
  mode: 'modem' | 'cdrom';
  tech: 'cdma' | '3gpp' | 'any';
}

const V = { huawei: '12d1', zte: '19d2', novatel: '1410', sierra: '1199', cmotech: '16d8', qualcomm: '05c6', anydata: '16d5' } as const;

export const KNOWN_DEVICES: readonly KnownDevice[] = [
  // Huawei: EC-series CDMA (EC121, EC150, EC306, EC1260, EC1261) and E-series 3G sticks.
  { vendorId: V.huawei, productId: '1001', name: 'Huawei EC121/EC1260/E169/E620 modem', mode: 'modem', tech: 'any' },
  { vendorId: V.huawei, productId: '140b', name: 'Huawei EC1260 modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.huawei, productId: '140c', name: 'Huawei E-series/EC-series modem', mode: 'modem', tech: 'any' },
  { vendorId: V.huawei, productId: '1406', name: 'Huawei E1750 modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.huawei, productId: '1436', name: 'Huawei E173/E1800 modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.huawei, productId: '1464', name: 'Huawei K4505 modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.huawei, productId: '1465', name: 'Huawei K3765 modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.huawei, productId: '14ac', name: 'Huawei E1550/E150 modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.huawei, productId: '1506', name: 'Huawei E3131/E367 modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.huawei, productId: '1c05', name: 'Huawei E173s modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.huawei, productId: '1446', name: 'Huawei E1550/EC-series (CD-ROM mode)', mode: 'cdrom', tech: 'any' },
  { vendorId: V.huawei, productId: '1505', name: 'Huawei E398 (CD-ROM mode)', mode: 'cdrom', tech: '3gpp' },
  { vendorId: V.huawei, productId: '14fe', name: 'Huawei E352/E3131 (CD-ROM mode)', mode: 'cdrom', tech: '3gpp' },
  { vendorId: V.huawei, productId: '1da1', name: 'Huawei EC-series CDMA (CD-ROM mode)', mode: 'cdrom', tech: 'cdma' },
  { vendorId: V.huawei, productId: '1f01', name: 'Huawei E3531/E353 (CD-ROM mode)', mode: 'cdrom', tech: '3gpp' },
  // ZTE: AC-series CDMA (AC2726, AC8700, AC2736, AC580) and MF-series 3G sticks.
  { vendorId: V.zte, productId: 'fff1', name: 'ZTE AC2726/AC8700 CDMA modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.zte, productId: 'fffe', name: 'ZTE AC2736/AC580 CDMA modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.zte, productId: 'ffdd', name: 'ZTE AC2710 CDMA modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.zte, productId: '0031', name: 'ZTE MF626/MF636 modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.zte, productId: '0063', name: 'ZTE MF190/K3565-Z modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.zte, productId: '0117', name: 'ZTE MF190 modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.zte, productId: '2000', name: 'ZTE MF-series (CD-ROM mode)', mode: 'cdrom', tech: '3gpp' },
  { vendorId: V.zte, productId: 'fff5', name: 'ZTE AC-series CDMA (CD-ROM mode)', mode: 'cdrom', tech: 'cdma' },
  { vendorId: V.zte, productId: 'fff6', name: 'ZTE AC-series CDMA (CD-ROM mode)', mode: 'cdrom', tech: 'cdma' },
  // Novatel (Ovation/U727 EV-DO and USB760), Sierra (AirCard 595U/597E/598U EV-DO, 3G).
  { vendorId: V.novatel, productId: '4100', name: 'Novatel U727 EV-DO modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.novatel, productId: '4400', name: 'Novatel Ovation MC930D modem', mode: 'modem', tech: '3gpp' },
  { vendorId: V.novatel, productId: '6000', name: 'Novatel USB760 EV-DO modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.novatel, productId: '5010', name: 'Novatel (CD-ROM mode)', mode: 'cdrom', tech: 'any' },
  { vendorId: V.novatel, productId: '5030', name: 'Novatel USB760 (CD-ROM mode)', mode: 'cdrom', tech: 'cdma' },
  { vendorId: V.sierra, productId: '0023', name: 'Sierra AirCard 597E EV-DO', mode: 'modem', tech: 'cdma' },
  { vendorId: V.sierra, productId: '0025', name: 'Sierra AirCard 598U EV-DO', mode: 'modem', tech: 'cdma' },
  { vendorId: V.sierra, productId: '0120', name: 'Sierra AirCard 595U EV-DO', mode: 'modem', tech: 'cdma' },
  { vendorId: V.sierra, productId: '6880', name: 'Sierra AirCard 880/881 3G', mode: 'modem', tech: '3gpp' },
  { vendorId: V.sierra, productId: '0fff', name: 'Sierra AirCard (CD-ROM mode)', mode: 'cdrom', tech: 'any' },
  // C-Motech and AnyData CDMA sticks sold by Ukrainian CDMA operators; generic Qualcomm.
  { vendorId: V.cmotech, productId: '6280', name: 'C-Motech CNU-680/CCU-650 CDMA modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.cmotech, productId: '6803', name: 'C-Motech CDU-680 CDMA modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.cmotech, productId: '6281', name: 'C-Motech CDMA (CD-ROM mode)', mode: 'cdrom', tech: 'cdma' },
  { vendorId: V.anydata, productId: '6501', name: 'AnyData ADU-500A CDMA modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.anydata, productId: '6502', name: 'AnyData ADU-510A/ADU-520A CDMA modem', mode: 'modem', tech: 'cdma' },
  { vendorId: V.anydata, productId: 'f000', name: 'AnyData (CD-ROM mode)', mode: 'cdrom', tech: 'cdma' },
  { vendorId: V.qualcomm, productId: '6000', name: 'Qualcomm-based modem', mode: 'modem', tech: 'any' },
  { vendorId: V.qualcomm, productId: '9000', name: 'Qualcomm-based modem', mode: 'modem', tech: 'any' },
  { vendorId: V.qualcomm, productId: '1000', name: 'Qualcomm-based modem (CD-ROM mode)', mode: 'cdrom', tech: 'any' },
];

/** Vendors whose unknown products are still worth probing for AT. */
export const MODEM_VENDORS: ReadonlySet<string> = new Set(Object.values(V));

export function knownDevice(vendorId: string | null, productId: string | null): KnownDevice | null {
  if (!vendorId || !productId) return null;
  const v = vendorId.toLowerCase();
  const p = productId.toLowerCase();
  return KNOWN_DEVICES.find((d) => d.vendorId === v && d.productId === p) ?? null;
}

/** What to tell the user about a stick still in CD-ROM mode (M-PORT-1). */
export function cdromAdvice(d: KnownDevice): string {
  return `${d.name} is in CD-ROM (storage) mode, so no modem port exists yet. Switch it with usb_modeswitch (sudo apt install usb-modeswitch usb-modeswitch-data, then re-plug the stick); on Windows run the installer from its virtual CD once.`;
}
