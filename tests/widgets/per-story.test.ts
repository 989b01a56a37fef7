// What a widget says for a story (widgets/common.ts perStory) is made once per story and
// key while it is kept, and what is kept stays bounded however many stories are asked for.
import { describe, expect, it } from 'vitest'
import { perStory } from '../../widgets/common'
import type { Story } from '../../widgets/story'

// perStory only keys on the story object; a fresh object stands for a freshly parsed story.
const stories = (n: number) => Array.from({ length: n }, () => ({}) as Story)

describe('what a widget says, made once per story', () => {
  it('makes it once each for three widgets of 200 stories, asked again and again', () => {
    const many = stories(200)
    let made = 0
    for (let round = 0; round < 3; round++) {
      for (const story of many) for (const widget of ['toll-counter', 'blockade-duration', 'statement-grid']) perStory(story, `${widget}|en|`, () => ++made)
    }
    expect(made).toBe(600)
  })

  it('drops the least recently used when what is kept grows large, and makes it again when asked', () => {
    const big = stories(40)
    let made = 0
    // 40 entries of 200,000 characters: more than the bound allows at once.
    for (const story of big) perStory(story, 'statement-grid|en|', () => (made++, 'x'.repeat(200_000)))
    const first = big[0]
    perStory(first, 'statement-grid|en|', () => (made++, 'again'))
    expect(made).toBe(41)
    // The most recent one is still kept.
    perStory(big[39], 'statement-grid|en|', () => (made++, 'not again'))
    expect(made).toBe(41)
  })
})
