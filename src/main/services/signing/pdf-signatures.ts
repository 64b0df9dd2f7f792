// Finds the embedded signatures of a PDF by their /ByteRange. A signature dictionary is never
// inside a compressed object stream (its /Contents hole must be raw bytes of the file), so a scan
// of the file finds every one, in every incremental revision.

export interface PdfSignatureSlot {
  byteRange: [number, number, number, number];
  /** The DER CMS from the /Contents hole (zero padding included; the parser ignores it). */
  cms: Uint8Array;
  /** The bytes the signature covers: [a, a+b) + [c, c+d). */
  signedContent: Uint8Array;
  byteRangeCoversWholeFile: boolean;
  /** /T of the widget that references this signature, when it can be found. */
  fieldName?: string;
  /** /SubFilter of the signature dictionary. */
  subFilter?: string;
  /** /M of the signature dictionary (claimed signing time), when parseable. */
  dictTime?: Date;
  problem?: string;
}

const BYTE_RANGE_RE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

export function findPdfSignatures(bytes: Uint8Array): PdfSignatureSlot[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const out: PdfSignatureSlot[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(BYTE_RANGE_RE)) {
    const br = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [a, b, c, d] = br;
    const key = br.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const base = { byteRange: br, cms: new Uint8Array(), signedContent: new Uint8Array(), byteRangeCoversWholeFile: c + d === bytes.length };
    if (a !== 0 || b <= 0 || c <= b || c + d > bytes.length) {
      out.push({ ...base, problem: '签名范围（ByteRange）无效' });
      continue;
    }
    const hole = text.slice(b, c);
    if (!/^<[0-9a-fA-F\s]*>$/.test(hole)) {
      out.push({ ...base, problem: '签名值位置（/Contents）与签名范围不符' });
      continue;
    }
    // The ByteRange must belong to the dictionary whose /Contents fills the hole.
    const dictStart = text.lastIndexOf('obj', m.index);
    if (dictStart < 0 || b < dictStart || text.lastIndexOf('endobj', b) > dictStart) {
      out.push({ ...base, problem: '签名值不在签名字典内' });
      continue;
    }
    const signedContent = new Uint8Array(b + d);
    signedContent.set(bytes.subarray(0, b), 0);
    signedContent.set(bytes.subarray(c, c + d), b);
    const cms = new Uint8Array(Buffer.from(hole.slice(1, -1).replace(/\s+/g, ''), 'hex'));
    const fieldName = findFieldName(text, dictStart);
    const dict = text.slice(dictStart, text.indexOf('endobj', c));
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dict)?.[1];
    const dictTime = parsePdfDate(/\/M\s*\((D:[^)]*)\)/.exec(dict)?.[1]);
    out.push({ ...base, cms, signedContent, ...(fieldName ? { fieldName } : {}), ...(subFilter ? { subFilter } : {}), ...(dictTime ? { dictTime } : {}) });
  }
  return out.sort((x, y) => x.byteRange[2] + x.byteRange[3] - (y.byteRange[2] + y.byteRange[3]));
}

/** Object number of the signature dictionary → the (latest) widget with /V n g R → its /T (ASCII names only). */
function findFieldName(text: string, objIndex: number): string | undefined {
  const header = /(\d+)\s+(\d+)\s+obj\s*$/.exec(text.slice(Math.max(0, objIndex - 24), objIndex + 3));
  if (!header) return undefined;
  const ref = new RegExp(`/V\\s+${header[1]}\\s+${header[2]}\\s+R\\b`);
  let name: string | undefined;
  for (const ft of text.matchAll(/\/FT\s*\/Sig\b/g)) {
    const body = text.slice(text.lastIndexOf('obj', ft.index), text.indexOf('endobj', ft.index));
    const t = /\/T\s*\(([\x20-\x7e]*?)\)/.exec(body);
    if (ref.test(body) && t) name = t[1];
  }
  return name;
}

/** PDF date "D:YYYYMMDDHHmmSS+HH'mm'" / "...Z" → Date. */
export function parsePdfDate(s: string | undefined): Date | undefined {
  const m = s && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz = 'Z'] = m;
  const zone = tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
