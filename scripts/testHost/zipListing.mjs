// Lists the entry names of a zip file (a .vsix) from its central directory; no dependency needed.
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

export function zipEntries(file) {
  return readCentralDirectory(fs.readFileSync(file), file).map((e) => e.name);
}

/** The text of one entry (stored or deflated), or undefined when the zip has no such entry. */
export function zipEntryText(file, name) {
  const buf = fs.readFileSync(file);
  const entry = readCentralDirectory(buf, file).find((e) => e.name === name);
  if (!entry) return undefined;
  const LOCAL_HEADER = 30;
  const start = entry.localOffset + LOCAL_HEADER + buf.readUInt16LE(entry.localOffset + 26) + buf.readUInt16LE(entry.localOffset + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method === 8) return zlib.inflateRawSync(data).toString('utf8');
  throw new Error(`${file}: ${name} uses compression method ${entry.method}`);
}

function readCentralDirectory(buf, file) {
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment (< 64 KiB).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(offset) !== CENTRAL_ENTRY) throw new Error(`${file}: corrupt central directory at entry ${n}`);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    names.push({
      name: buf.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: buf.readUInt16LE(offset + 10),
      compressedSize: buf.readUInt32LE(offset + 20),
      localOffset: buf.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
