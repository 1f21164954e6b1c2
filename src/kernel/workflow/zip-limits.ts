/**
 * DOCX, XLSX and OFD files are ZIP containers: a 4 MB upload can declare gigabytes inside, which whoever opens it
 * (a clerk's office suite, a converter) has to inflate. The central directory lists every entry's unpacked size;
 * it is read (not inflated) and the container refused when the total is too large.
 */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Null when the container is acceptable, else the Chinese reason it is refused. */
export function zipContainerProblem(bytes: Buffer): string | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return '文件结构不完整（缺少 ZIP 目录）';
  const entries = bytes.readUInt16LE(eocd + 10);
  const dirSize = bytes.readUInt32LE(eocd + 12);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) return '不支持 ZIP64 格式的文档';
  if (entries > MAX_ZIP_ENTRIES) return `文档包含的部件过多（超过 ${MAX_ZIP_ENTRIES} 个）`;
  if (dirOffset + dirSize > bytes.length) return '文件结构不完整（ZIP 目录越界）';
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return '文件结构不完整（ZIP 目录损坏）';
    const unpacked = bytes.readUInt32LE(at + 24);
    if (unpacked === 0xffffffff) return '不支持 ZIP64 格式的文档';
    total += unpacked;
    if (total > MAX_UNPACKED_BYTES)
      return `文档解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，可能是恶意构造的压缩文件`;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return null;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === EOCD) return i;
  return -1;
}
