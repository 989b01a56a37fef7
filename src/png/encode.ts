// PNG chunks (ISO/IEC 15948, W3C PNG 2nd ed. §5): length, type, data, and a CRC-32 of type
// and data. The image data is zlib-format deflate (§10), which CompressionStream('deflate')
// writes; the filter byte before each row is 0 (none): for flat-coloured widgets deflate
// alone makes smaller files than resvg's own Sub-filtered PNGs, and it costs no pass over
// the pixels in JavaScript (README "PNG and size").

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]

// CRC-32 of ISO 3309 (the polynomial zlib and PNG use), with the table of §D, slicing by 4.
let tables: Uint32Array[] | undefined
function crcTables(): Uint32Array[] {
  if (tables) return tables
  const t0 = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t0[n] = c >>> 0
  }
  const made = [t0, new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)]
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 4; k++) made[k][n] = (made[k - 1][n] >>> 8) ^ t0[made[k - 1][n] & 0xff]
  }
  return (tables = made)
}

/** Continues a CRC-32 (start with 0) over `bytes`. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3] = crcTables()
  let c = ~crc >>> 0
  let i = 0
  const end4 = bytes.length - (bytes.length % 4)
  for (; i < end4; i += 4) {
    c ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24]
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return ~c >>> 0
}

/** One chunk: length, type, data, CRC of type and data. */
export function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** The signature and IHDR of an 8-bit RGBA image, no interlacing. */
export function pngHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  const ihdr = new Uint8Array(13)
  const view = new DataView(ihdr.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  ihdr.set([8, 6, 0, 0, 0], 8)
  const head = chunk('IHDR', ihdr)
  const out = new Uint8Array(8 + head.length)
  out.set(SIGNATURE)
  out.set(head, 8)
  return out
}

export const IEND = () => chunk('IEND', new Uint8Array(0))
