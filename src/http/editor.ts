// Who is making a request that changes something (CONTRACT.md "v2: editors and identity"),
// and what they may do. requireEditor (src/http/auth.ts) puts one on c.var.editor.
import { ProblemError } from './problem'

/** Every scope a credential can carry. */
export const SCOPES = ['stories:create', 'stories:publish', 'tokens:admin'] as const
export type Scope = (typeof SCOPES)[number]

export interface Editor {
  /** What every version this editor publishes records as its author: an email, a token's name, or "owner". */
  id: string
  via: 'access' | 'token' | 'admin-token'
  scopes: Scope[]
  /** Only these stories, when the editor token is limited to them; absent means every story. */
  slugs?: string[]
  /** The editor token's id, for tokens. */
  tokenId?: string
}

export function forbidden(detail: string): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Forbidden', status: 403, detail })
}

/** Throws 403 unless the editor may act on this story. */
export function assertSlugAllowed(editor: Editor, slug: string): void {
  if (editor.slugs && !editor.slugs.includes(slug)) {
    throw forbidden(`${editor.id} may act only on ${editor.slugs.map((s) => `"${s}"`).join(', ')}, not on "${slug}".`)
  }
}
