// A new isolate reads stories without building the story schema (issue #15): the bundled
// file is judged by these tests, and every stored version when it is published. These
// tests hold both to be exactly what parseStory makes of them, so reading them as they are
// is safe; and a version of the first release's shape still goes through the schema.
import { SELF, env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { forgetRendered } from '../../src/http/render-cache'
import { forgetStories } from '../../src/stories'
import { leaningLabels } from '../../widgets/standalone'
import { parseStory } from '../../widgets/story'
import strike from '../fixtures/stories/port-strike.json'
import { SLUG, rawStory } from '../fixtures'
import { ORIGIN, get } from '../http'

const TOKEN = 'test-admin-token'
const newIsolate = () => {
  forgetStories()
  forgetRendered()
}
const withoutText = (story: any) => ({ ...story, sources: story.sources.map(({ text: _t, ...s }: any) => s) })
const withoutDigest = (story: any) => ({ ...story, sources: story.sources.map(({ digest: _d, ...s }: any) => s) })

describe('stories read by a new isolate', () => {
  it('the bundled dataset is exactly what the story schema makes of it, every label standing alone', async () => {
    const parsed = parseStory(rawStory())
    expect(parsed.ok).toBe(true)
    expect(parsed.ok && parsed.story).toEqual(rawStory())
    expect(parsed.ok && leaningLabels(parsed.story)).toEqual([])
    newIsolate()
    // Served with its sources named by digest, the rest as the file has it.
    expect(withoutDigest(await (await get(`/api/stories/${SLUG}`)).json())).toEqual(withoutText(rawStory()))
  })

  it('a published version is served as the schema read it at publish time, untrimmed text and unknown keys gone', async () => {
    const body = structuredClone(strike) as any
    body.slug = 'cold-reads-strike'
    body.figures[0].label.en = `  ${body.figures[0].label.en}  `
    body.figures[0].colour = 'red'
    const res = await SELF.fetch(`${ORIGIN}/api/stories`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, note: 'Label spacing' }),
    })
    expect(res.status).toBe(201)
    newIsolate()
    const served = (await (await get('/api/stories/cold-reads-strike')).json()) as any
    const expected = parseStory(body)
    expect(expected.ok).toBe(true)
    expect(withoutDigest(served)).toEqual(withoutText(expected.ok && expected.story))
    expect(served.figures[0].label.en).toBe(strike.figures[0].label.en)
    expect(served.figures[0]).not.toHaveProperty('colour')
    // And widgets draw it, in a new isolate.
    newIsolate()
    const svg = await get('/widgets/cold-reads-strike/toll-counter.svg')
    expect(svg.status).toBe(200)
    expect(await svg.text()).toContain(strike.figures[0].label.en)
  })

  it('a version stored in the first release’s shape still goes through the schema, and serves', async () => {
    // As the first release stored it: no sources, the duration called blockade.
    const { sources: _s, duration, ...v1 } = rawStory()
    const dataset = JSON.stringify({ ...v1, blockade: { startEvent: duration.startEvent, label: duration.label } })
    await env.DB.prepare(
      "INSERT INTO story_versions (slug, version, dataset, published_at, author, note) VALUES (?1, 2, ?2, '2025-05-07T10:00:00Z', 'editor', 'From the first release')",
    ).bind(SLUG, dataset).run()
    newIsolate()
    const served = (await (await get(`/api/stories/${SLUG}`)).json()) as any
    expect(served.duration).toMatchObject({ startEvent: duration.startEvent, title: duration.title })
    expect(served.sources[0].digest).toMatch(/^[0-9a-f]{64}$/)
    expect((await get(`/widgets/${SLUG}/blockade-duration.svg`)).status).toBe(200)
  })
})
