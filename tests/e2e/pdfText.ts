/**
 * Text of a PDF as printed by Chromium (Skia), without a PDF library or poppler: objects are
 * read from the file, Flate streams inflated with node:zlib, each page's fonts resolved through
 * their ToUnicode CMaps, and the strings of `Tj`/`TJ` decoded. Enough for "does this report
 * contain 北碚区"; not a general PDF parser (no encryption, object streams or encodings other
 * than ToUnicode).
 */
import { inflateSync } from 'node:zlib';

type PdfObject = { dict: string; stream?: Buffer };

/** `12 0 obj … endobj` bodies by object number, streams inflated when FlateDecode. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+)\s+0\s+obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let dataStart = start + streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    const length = /\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dict)?.[1];
    const dataEnd = length ? dataStart + Number(length) : text.indexOf('endstream', dataStart);
    let data = pdf.subarray(dataStart, dataEnd);
    if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
    objects.set(Number(m[1]), { dict, stream: data });
    re.lastIndex = end;
  }
  return objects;
}

/** The dictionary text behind `/Key 12 0 R` or an inline `/Key << … >>`. */
function entry(objects: Map<number, PdfObject>, dict: string, key: string): string | undefined {
  const ref = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  if (ref) return objects.get(Number(ref[1]))?.dict;
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return undefined;
  const open = dict.indexOf('<<', at);
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < dict.length - 1; i++) {
    if (dict.startsWith('<<', i)) {
      depth++;
      i++;
    } else if (dict.startsWith('>>', i)) {
      depth--;
      i++;
      if (depth === 0) return dict.slice(open, i + 1);
    }
  }
  return undefined;
}

type CMap = { bytes: number; map: Map<number, string> };

function utf16(hex: string): string {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    s += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return s;
}

/** A ToUnicode CMap: bfchar and bfrange entries, code width from the source codes. */
function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  let bytes = 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      bytes = (m[1] as string).length / 2;
      map.set(Number.parseInt(m[1] as string, 16), utf16(m[2] as string));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g,
    )) {
      bytes = (m[1] as string).length / 2;
      const lo = Number.parseInt(m[1] as string, 16);
      const hi = Number.parseInt(m[2] as string, 16);
      const dst = m[3] as string;
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1] as string));
        for (const [i, s] of items.entries()) map.set(lo + i, s);
      } else {
        const base = Number.parseInt(dst.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  return { bytes, map };
}

function decodeString(raw: string, cmap: CMap | undefined): string {
  const bytes: number[] = [];
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    for (let i = 0; i < hex.length; i += 2)
      bytes.push(Number.parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else {
    const s = raw
      .slice(1, -1)
      .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
        /^[0-7]/.test(e) ? String.fromCharCode(Number.parseInt(e, 8)) : e === 'n' ? '\n' : e,
      );
    for (const ch of s) bytes.push(ch.charCodeAt(0) & 0xff);
  }
  if (!cmap) return String.fromCharCode(...bytes);
  let out = '';
  for (let i = 0; i + cmap.bytes <= bytes.length; i += cmap.bytes) {
    let code = 0;
    for (let k = 0; k < cmap.bytes; k++) code = code * 256 + (bytes[i + k] as number);
    out += cmap.map.get(code) ?? '';
  }
  return out;
}

/** All text of the PDF, page by page, strings joined in content order. */
export function extractPdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const pages: string[] = [];
  for (const [, obj] of objects) {
    if (!/\/Type\s*\/Page\b/.test(obj.dict)) continue;
    const resources = entry(objects, obj.dict, 'Resources') ?? '';
    const fontDict = entry(objects, resources, 'Font') ?? '';
    const fonts = new Map<string, CMap>();
    for (const f of fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) {
      const font = objects.get(Number(f[2]));
      const toUnicode = font && /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font.dict)?.[1];
      const cmap = toUnicode ? objects.get(Number(toUnicode))?.stream : undefined;
      if (cmap) fonts.set(f[1] as string, parseCMap(cmap.toString('latin1')));
    }
    const contents = /\/Contents\s+(?:(\d+)\s+0\s+R|\[([^\]]*)\])/.exec(obj.dict);
    const refs = contents?.[1]
      ? [contents[1]]
      : [...(contents?.[2] ?? '').matchAll(/(\d+)\s+0\s+R/g)].map((m) => m[1]);
    let text = '';
    for (const ref of refs) {
      const content = objects.get(Number(ref))?.stream?.toString('latin1') ?? '';
      let font: CMap | undefined;
      const ops =
        /\/([^\s/<>[\]()]+)\s+[\d.]+\s+Tf|(<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\))\s*Tj|\[((?:\s*(?:<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|-?[\d.]+))*)\s*\]\s*TJ|(T\*|Td|TD|ET)\b/g;
      for (const m of content.matchAll(ops)) {
        if (m[1]) font = fonts.get(m[1]);
        else if (m[2]) text += decodeString(m[2], font);
        else if (m[3] !== undefined) {
          for (const s of m[3].matchAll(/<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)/g))
            text += decodeString(s[0], font);
        } else if (m[4]) text += m[4] === 'ET' ? '\n' : m[4] === 'T*' ? ' ' : '';
      }
    }
    pages.push(text);
  }
  return pages.join('\n\f\n');
}
