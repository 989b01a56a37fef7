// Requests through the whole worker, inside workerd, as a page or CMS would make them.
import { SELF } from 'cloudflare:test'

export const ORIGIN = 'http://factbox.test'

export function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(ORIGIN + path, { headers })
}

/** Reads a problem+json body and checks the RFC 9457 members every problem carries. */
export async function problem(res: Response) {
  const body = (await res.json()) as { type: string; title: string; status: number; detail: string; 'invalid-params'?: { name: string; reason: string }[] }
  return body
}
