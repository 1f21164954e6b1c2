import path from 'node:path';

/** File types a matter may carry, recognised by their first bytes (the client's Content-Type is not trusted). */
const signatures: { mime: string; ext: string[]; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', ext: ['pdf'], test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    mime: 'image/png',
    ext: ['png'],
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: ['docx'],
    test: (b) => isZip(b) && b.includes('word/'),
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: ['xlsx'],
    test: (b) => isZip(b) && b.includes('xl/'),
  },
  { mime: 'application/ofd', ext: ['ofd'], test: (b) => isZip(b) && b.includes('OFD.xml') },
  {
    mime: 'application/msword',
    ext: ['doc', 'xls'],
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
  },
];
const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const allowedExtensions = signatures.flatMap((s) => s.ext);
/** The content types an attachment is served with (its sniffed type). */
export const attachmentMimeTypes = signatures.map((s) => s.mime);

export const isZipContainer = isZip;

/** The sniffed type, or null when the bytes are not one of the accepted types or do not match the extension. */
export function sniffType(bytes: Buffer, fileName: string): string | null {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const hit = signatures.find((s) => s.test(bytes));
  if (!hit?.ext.includes(ext)) return null;
  return hit.mime;
}

/**
 * A name safe to store and to send back: no directories, no control or reserved characters, no bidirectional
 * overrides (which make "x\u202eexe.pdf" read as "xfdp.exe"), at most 100 chars.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .normalize('NFC')
    .replace(/^\.+/, '')
    .trim();
  const ext = path.extname(cleaned);
  const stem = cleaned.slice(0, cleaned.length - ext.length).slice(0, 100 - ext.length);
  return `${stem || '附件'}${ext}`;
}

export const contentDisposition = (name: string) =>
  `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
