import article from '../../../shared/source/article.txt?raw'
import { describe, expect, it } from 'vitest'
import { parseStory } from '../../widgets/story'
import { bundledStory, rawStory } from '../fixtures'

describe('the bundled story', () => {
  const story = bundledStory()

  it('validates against the story schema', () => {
    expect(parseStory(rawStory()).ok).toBe(true)
  })

  it.each([...story.figures, ...story.events, ...story.statements].map((item) => [item.id, item.excerpt]))(
    '%s quotes the article verbatim',
    (_id, excerpt) => {
      expect(article).toContain(excerpt)
    },
  )

  it.each(story.statements.map((s) => [s.id, s]))('statement %s shows words that stand in the article and in its excerpt', (_id, s) => {
    expect(article).toContain(s.text)
    expect(s.excerpt).toContain(s.text)
  })

  it('carries the toll as the health ministry reports it: at least 52,567, 2,459 since the offensive resumed', () => {
    const killed = story.figures.find((f) => f.id === 'killed-gaza')
    expect(killed).toMatchObject({ value: 52567, qualifier: 'at least', asOf: '2025-05-06' })
    expect(killed?.attribution.en).toBe('Gaza’s Hamas-run health ministry')
    expect(story.figures.find((f) => f.id === 'killed-since-resumption')).toMatchObject({ value: 2459 })
  })

  it('keeps dates the article gives roughly marked approximate', () => {
    const rough = story.events.filter((e) => e.precision === 'approximate').map((e) => e.dateText)
    expect(rough).toEqual(expect.arrayContaining(['two weeks later', 'next week']))
  })

  it('marks quotes and paraphrases, and has statements from both sides', () => {
    const kinds = new Set(story.statements.map((s) => s.kind))
    expect(kinds).toEqual(new Set(['quote', 'paraphrase']))
    const speakers = story.statements.map((s) => s.speaker.name.en)
    expect(speakers).toEqual(expect.arrayContaining(['Bassem Naim', 'Israeli military', 'Israeli officials', 'António Guterres', 'Donald Trump', 'United Nations', 'Israeli government']))
  })
})

describe('parseStory', () => {
  it('names every bad field of an invalid dataset', () => {
    const raw = rawStory()
    raw.figures[0].value = -5
    raw.figures[1].asOf = '2025-02-30'
    raw.events[0].label = { ar: 'x' }
    raw.statements[1].id = raw.statements[0].id
    raw.headlineFigures.push('no-such-figure')
    const result = parseStory(raw)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.problems.map((p) => p.path)
    expect(paths).toEqual(
      expect.arrayContaining(['figures.0.value', 'figures.1.asOf', 'events.0.label.en', 'statements.1.id', 'headlineFigures.4']),
    )
    expect(result.problems.find((p) => p.path === 'statements.1.id')?.message).toMatch(/duplicate id/)
  })

  it('refuses a text field of 10,000 characters', () => {
    const raw = rawStory()
    raw.statements[0].text = 'x'.repeat(10000)
    const result = parseStory(raw)
    expect(result.ok).toBe(false)
  })
})
