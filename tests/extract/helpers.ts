// Drafts a short passage written for one case, and finds items in the draft by their words.
import { draftStory, type DraftStory } from '../../extract/index'

export function draft(text: string, published = '2025-05-06'): DraftStory {
  return draftStory({ text, published, language: 'en' })
}

export function figure(d: DraftStory, value: number) {
  return d.figures.find((f) => f.value === value)
}

export function values(d: DraftStory): number[] {
  return d.figures.map((f) => f.value)
}

export function quotes(d: DraftStory) {
  return d.statements.filter((s) => s.kind === 'quote')
}

export function speakerOf(d: DraftStory, words: string): string | undefined {
  return d.statements.find((s) => s.text.includes(words))?.speaker?.name.en
}
