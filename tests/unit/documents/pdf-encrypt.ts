// The PDF Standard Security Handler, revision 3 (128-bit RC4, MD5 key derivation), for test fixtures only:
// enough to make password-protected and "encrypted but openable" PDFs that real readers (pdf.js) open.
import { createHash } from 'node:crypto';

/** The 32-byte padding every password is completed with before hashing. */
const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const KEY_BYTES = 16;

export interface PdfEncryption {
  userPassword: string;
  ownerPassword: string;
  /** Permission bits (negative: the high bits are set). Default: reading only. */
  permissions?: number;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};

export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

/** R3 hashes 50 more times, and encrypts 19 more times with the key XORed with the round number. */
function rehash(digest: Buffer): Buffer {
  let d = digest.subarray(0, KEY_BYTES);
  for (let i = 0; i < 50; i++) d = md5(d).subarray(0, KEY_BYTES);
  return d;
}
function rc4Rounds(key: Uint8Array, data: Uint8Array): Uint8Array {
  let out = rc4(key, data);
  for (let i = 1; i <= 19; i++)
    out = rc4(
      key.map((b) => b ^ i),
      out,
    );
  return out;
}

const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
};

/** The /Encrypt dictionary's values and the per-object encryptor for one document. */
export function standardSecurity(enc: PdfEncryption, fileId: Uint8Array) {
  const p = enc.permissions ?? -3904;
  // Algorithm 3: O from the owner password (the user's when there is none).
  const ownerKey = rehash(md5(padded(enc.ownerPassword || enc.userPassword)));
  const O = rc4Rounds(ownerKey, padded(enc.userPassword));
  // Algorithm 2: the file key from the user password, O, P and the first file identifier.
  const fileKey = rehash(md5(padded(enc.userPassword), O, le32(p), fileId));
  // Algorithm 5: U is MD5(padding + ID) encrypted 20 times, then any 16 bytes.
  const U = Buffer.concat([rc4Rounds(fileKey, md5(PAD, fileId)), Buffer.alloc(16)]);
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  return {
    dictionary: `<< /Filter /Standard /V 2 /R 3 /Length 128 /P ${p} /O <${hex(O)}> /U <${hex(U)}> >>`,
    /** Algorithm 1: strings and streams of object `num` (generation 0) use their own key. */
    encrypt(num: number, data: Uint8Array): Uint8Array {
      const objectKey = md5(fileKey, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]));
      return rc4(objectKey.subarray(0, Math.min(KEY_BYTES + 5, 16)), data);
    },
  };
}
