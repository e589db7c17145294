// M-ID-1 parsers: identity answers of real sticks (../shared/reference/at-commands.md §1.1,
// transcripts 01, 04, 15). Pure; unknown is null, never guessed.

/** Drops vendor tags repeated in front of a value ("+GMR: +GMR: x", "+CGMR:x", "Model x"). */
export function stripTags(value: string): string {
  let v = value.trim();
  for (;;) {
    const next = v.replace(/^[+^$][A-Z]+:\s*/i, '').trim();
    if (next === v) return v;
    v = next;
  }
}

/** One pair of double quotes around a whole value ("motorola", "E2", "626936926396996" on Motorola EZX). */
export function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') && !v.slice(1, -1).includes('"') ? v.slice(1, -1).trim() : v;
}

/**
 * The value of one identity field as firmwares print it: tags in front (repeated or not),
 * quotes, a "Model:"/"Model " prefix with or without a space, and the nested tags LG's
 * ATI packs into one field ("+GMI: LG Electronics Inc.+GMM: Model:LG-LX265": the last
 * tag's value is the field's). A quoted list (BUSlink's +CGMM: "GSM900",…,"MODEL=I250-000")
 * gives its MODEL= item.
 */
export function identityField(raw: string): string | null {
  let v = stripTags(raw);
  const nested = /.*[^\s][+^][A-Z]{2,}:\s*(.*)$/i.exec(v);
  if (nested) v = nested[1]!;
  const list = v.includes('","') ? /"MODEL=([^"]+)"/i.exec(v) : null;
  if (list) return list[1]!.trim() || null;
  v = unquote(v).replace(/^Model(?::\s*|\s+)/i, '').trim();
  return v || null;
}

/** First meaningful line of an identity answer (+GMI/+GMM/+GMR and their +CG forms). */
export function parseIdentityValue(lines: string[]): string | null {
  for (const l of lines) {
    const v = identityField(l);
    if (v) return v;
  }
  return null;
}

/** "HUAWEI INCORPORATED" → "huawei"; "ZTE INCORPORATED" → "zte" (CONTRACTS.md: lower case, one word). */
export function normaliseManufacturer(raw: string | null): string | null {
  if (!raw) return null;
  const s = unquote(raw).trim().toLowerCase();
  // Zoom's firmware fills the field with its own label ("Manufacturer: Manufacturer"): no name given.
  if (!s || s === 'manufacturer') return null;
  for (const known of ['huawei', 'zte', 'novatel', 'sierra', 'qualcomm', 'anydata', 'c-motech', 'cmotech', 'franklin', 'kyocera', 'samsung', 'sony ericsson', 'motorola', 'quectel', 'lg']) {
    if (s.includes(known)) return known === 'cmotech' ? 'c-motech' : known === 'sony ericsson' ? 'sony-ericsson' : known;
  }
  return s.split(/[\s,]+/)[0] || null;
}

export interface AtiInfo {
  manufacturer: string | null;
  model: string | null;
  revision: string | null;
  esn: string | null;
  imei: string | null;
  meid: string | null;
  gcap: string | null;
}

/** ATI: "Manufacturer: …", "Model: …", "Revision: …", "ESN: +GSN:12de4fa6" (EC121) or "IMEI: …" (3GPP), a capability line. */
export function parseAti(lines: string[]): AtiInfo {
  const out: AtiInfo = { manufacturer: null, model: null, revision: null, esn: null, imei: null, meid: null, gcap: null };
  // Untagged text lines before the first "Revision:" line (see below).
  const plain: string[] = [];
  let revisionSeen = false;
  for (const raw of lines) {
    const m = /^\s*([A-Za-z ]+?)\s*:\s*(.*)$/.exec(raw);
    const key = m?.[1]?.toLowerCase();
    const val = m ? stripTags(m[2] ?? '') : '';
    if (!m && !revisionSeen && raw.trim() && !/^[+^$%]/.test(raw.trim())) plain.push(raw.trim());
    if (key === 'manufacturer') out.manufacturer = identityField(val);
    else if (key === 'model') out.model = identityField(val);
    else if (key === 'revision') {
      out.revision = identityField(val);
      revisionSeen = true;
    }
    else if (key === 'esn') out.esn = parseGsn([val]).esn;
    else if (key === 'meid') out.meid = parseGsn([val]).meid;
    else if (key === 'imei') out.imei = /^\d{15}/.exec(unquote(val))?.[0] ?? null;
    else if (/^\+?GCAP:|^\+CIS707|^\+CGSM|CIS-?856/i.test(raw.trim())) out.gcap = stripTags(raw);
  }
  // The untagged layout (Quectel and the ASR/Marvell-based modules, V.250 ATI0 as they
  // print it): the maker's line, the model's line, then "Revision: ...". Only exactly two
  // such lines before a Revision line are read so: one line alone could be either.
  if (revisionSeen && plain.length === 2 && out.manufacturer === null && out.model === null) {
    out.manufacturer = identityField(plain[0]!);
    out.model = identityField(plain[1]!);
  }
  return out;
}

export interface SerialNumbers {
  esn: string | null;
  meid: string | null;
  imei: string | null;
}

/**
 * +GSN / +CGSN (transcript 04): 7-8 hex digits are an ESN (leading 0 restored), 14 hex
 * (after 0x and leading zeros) a MEID, 15 decimal digits an IMEI; "MEID:ESN" pairs in
 * decimal then hex are both read from the hex line. Upper-case hex without 0x.
 */
export function parseGsn(lines: string[]): SerialNumbers {
  const out: SerialNumbers = { esn: null, meid: null, imei: null };
  for (const line of lines) {
    for (const tok of stripTags(line).replace(/"/g, '').split(/[:,\s]+/).filter(Boolean)) {
      if (/^\d{15}$/.test(tok) && !out.imei) {
        out.imei = tok;
        continue;
      }
      const hex = /^0x([0-9a-f]+)$/i.exec(tok)?.[1] ?? (/^[0-9a-f]+$/i.test(tok) && /[a-f]/i.test(tok) ? tok : /^[0-9A-F]{8}$/.test(tok) ? tok : null);
      if (!hex) continue;
      const digits = hex.replace(/^0+(?=.{8,}$)/, '').toUpperCase();
      if (digits.length <= 8 && digits.length >= 7) out.esn = digits.padStart(8, '0');
      else if (digits.length >= 13 && digits.length <= 14) out.meid = digits.padStart(14, '0');
      else if (digits.length > 14 && digits.length <= 16) out.meid = digits.replace(/^0+/, '').padStart(14, '0');
    }
  }
  return out;
}

/** ^MEID:A0C72311111111 (MC509 p.42, transcript 18), "^MEID: 0xA000…", or a bare line; all-zero is none. */
export function parseMeid(lines: string[]): string | null {
  for (const l of lines) {
    const v = stripTags(l).replace(/^0x/i, '').toUpperCase();
    if (/^[0-9A-F]{14}$/.test(v)) return /^0+$/.test(v) ? null : v;
  }
  return null;
}

/** +CIMI: 15 digits (IMSI, or IMSI_M on CDMA). */
export function parseImsi(lines: string[]): string | null {
  for (const l of lines) {
    const v = unquote(stripTags(l));
    if (/^\d{14,15}$/.test(v)) return v;
  }
  return null;
}

/** ^HWVER:<hw> ; ^PRLVER:<ver> — a tagged single value. */
export function parseTaggedValue(lines: string[], tag: string): string | null {
  for (const l of lines) {
    const m = new RegExp(`^\\${tag}:\\s*"?([^"]*)"?\\s*$`, 'i').exec(l.trim());
    if (m) return m[1]!.trim() || null;
  }
  return null;
}
