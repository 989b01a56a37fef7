// Editor tokens' format: `fbx_` + 27 base62 characters carrying 160 random bits + 6 base62
// characters of the CRC-32 of those 27 (37 characters, /^fbx_[0-9A-Za-z]{33}$/). The prefix
// lets secret scanners and people recognise a leaked token, and the checksum lets both tell
// a real one from a look-alike without asking the server (GitHub's token format does the
// same: "Behind GitHub's new authentication token formats", 2021). The worker also refuses
// a token whose checksum fails before it spends a D1 read on it. Base62 keeps the token one
// word, so a double-click selects all of it.
const PREFIX = 'fbx_'
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const RANDOM_BYTES = 20
// 62^27 > 2^160 and 62^6 > 2^32, so both parts fit; shorter values are padded with "0".
const RANDOM_CHARS = 27
const CHECK_CHARS = 6
const SHAPE = /^fbx_[0-9A-Za-z]{33}$/

function base62(value: bigint, width: number): string {
  let out = ''
  while (value > 0n) {
    out = ALPHABET[Number(value % 62n)] + out
    value /= 62n
  }
  return out.padStart(width, '0')
}

let crcTable: Uint32Array | undefined
/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zlib and PNG compute it. */
function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const byte of new TextEncoder().encode(text)) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function checksum(body: string): string {
  return base62(BigInt(crc32(body)), CHECK_CHARS)
}

/** A new editor token. Shown once; only its digest is stored. */
export function generateEditorToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(RANDOM_BYTES))
  let value = 0n
  for (const b of bytes) value = (value << 8n) | BigInt(b)
  const body = base62(value, RANDOM_CHARS)
  return PREFIX + body + checksum(body)
}

/** True for a string of the token's shape whose checksum holds. */
export function isEditorToken(token: string): boolean {
  if (!SHAPE.test(token)) return false
  const body = token.slice(PREFIX.length, PREFIX.length + RANDOM_CHARS)
  return token.slice(PREFIX.length + RANDOM_CHARS) === checksum(body)
}

/** The SHA-256 of a token, hex: what D1 keeps and looks tokens up by. */
export async function tokenDigest(token: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)))
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')
}
