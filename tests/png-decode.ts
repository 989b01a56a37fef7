// A small PNG decoder for tests: 8-bit RGBA or RGB, not interlaced, any filter per row
// (W3C PNG 2nd ed. §9), every chunk's CRC checked. Inflates with the runtime's
// DecompressionStream('deflate'), which reads the zlib format PNG uses.
import { crc32 } from '../src/png/encode'

export interface Decoded {
  width: number
  height: number
  /** RGBA, 4 bytes a pixel, rows top to bottom. */
  pixels: Uint8Array
  chunks: string[]
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

export async function decodePng(png: Uint8Array): Promise<Decoded> {
  const signature = [137, 80, 78, 71, 13, 10, 26, 10]
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG signature')
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  let at = 8
  let width = 0
  let height = 0
  let channels = 4
  const idat: Uint8Array[] = []
  const chunks: string[] = []
  for (;;) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8))
    const data = png.subarray(at + 8, at + 8 + length)
    const crc = view.getUint32(at + 8 + length)
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== crc) throw new Error(`${type} chunk at ${at}: bad CRC`)
    chunks.push(type)
    if (type === 'IHDR') {
      width = view.getUint32(at + 8)
      height = view.getUint32(at + 12)
      const [depth, colour, , , interlace] = data.subarray(8)
      if (depth !== 8 || interlace !== 0 || (colour !== 6 && colour !== 2)) throw new Error(`unsupported IHDR ${[...data.subarray(8)]}`)
      channels = colour === 6 ? 4 : 3
    } else if (type === 'IDAT') idat.push(data)
    at += 12 + length
    if (type === 'IEND') break
  }
  if (at !== png.length) throw new Error('bytes after IEND')
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0))
  let o = 0
  for (const d of idat) {
    joined.set(d, o)
    o += d.length
  }
  const raw = await inflate(joined)
  const stride = width * channels
  if (raw.length !== (stride + 1) * height) throw new Error(`image data is ${raw.length} bytes, not ${(stride + 1) * height}`)
  const rows = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const out = rows.subarray(y * stride, (y + 1) * stride)
    const up = y ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride)
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0
      const b = up[i]
      const c = i >= channels ? up[i - channels] : 0
      const x = line[i]
      out[i] = (filter === 0 ? x : filter === 1 ? x + a : filter === 2 ? x + b : filter === 3 ? x + ((a + b) >> 1) : filter === 4 ? x + paeth(a, b, c) : NaN) & 0xff
      if (filter > 4) throw new Error(`row ${y}: filter ${filter}`)
    }
  }
  if (channels === 4) return { width, height, pixels: rows, chunks }
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0, j = 0; i < rows.length; i += 3, j += 4) {
    rgba[j] = rows[i]
    rgba[j + 1] = rows[i + 1]
    rgba[j + 2] = rows[i + 2]
    rgba[j + 3] = 255
  }
  return { width, height, pixels: rgba, chunks }
}
