/**
 * Bytes to text. Order of trust: a byte-order mark, then a charset the document declares (HTTP-equiv or
 * `<meta charset>`, or an XML declaration), then strict UTF-8, then windows-1252 — the encoding that old
 * newsroom CMSs emit without saying so, and one that decodes every byte, so nothing is ever rejected for
 * its encoding alone. Binary files are refused: they are not articles, and decoding them yields junk.
 */
import iconv from 'iconv-lite';

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`${input}: ${message}`);
    this.name = 'InputError';
  }
}

const DECLARED_CHARSET =
  /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i;

/** True when the bytes look like a binary format rather than text in some encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / sample.length > 0.05;
}

export interface Decoded {
  text: string;
  encoding: string;
}

/** `declared` is a charset from outside the bytes (an HTTP Content-Type), trusted like an in-document one. */
export function decodeBytes(bytes: Uint8Array, input: string, declared?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(label).decode(bytes.subarray(2)), encoding: label };
  }
  if (looksBinary(bytes)) throw new InputError(input, 'looks like a binary file, not text or HTML');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const inDocument = DECLARED_CHARSET.exec(head);
  const label = (declared ?? inDocument?.[1] ?? inDocument?.[2])?.toLowerCase();
  // Node's own TextDecoder decodes "windows-1252" as ISO-8859-1 (curly quotes become C1 controls), so
  // legacy charsets go through iconv-lite.
  if (label && !/^utf-?8$/.test(label) && iconv.encodingExists(label))
    return { text: iconv.decode(Buffer.from(bytes), label), encoding: label };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}
