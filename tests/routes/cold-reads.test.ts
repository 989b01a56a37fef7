// A new isolate reads stories without building the story schema (issue #15): the bundled
// file and every stored version are validated where they are written. These tests hold
// both to be exactly what parseStory makes of them, so reading them as they are is safe.
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { forgetRendered } from '../../src/http/render-cache'
import { forgetStories } from '../../src/stories'
import { parseStory } from '../../widgets/story'
import { SLUG, rawStory } from '../fixtures'
import { ORIGIN, get } from '../http'

const newIsolate = () => {
  forgetStories()
  forgetRendered()
}

describe('stories read by a new isolate', () => {
  it('the bundled dataset is exactly what the story schema makes of it', async () => {
    const parsed = parseStory(rawStory())
    expect(parsed.ok).toBe(true)
    expect(parsed.ok && parsed.story).toEqual(rawStory())
    newIsolate()
    expect(await (await get(`/api/stories/${SLUG}`)).json()).toEqual(rawStory())
  })

  it('a published version is served as the schema read it at publish time, untrimmed text and unknown keys gone', async () => {
    const current = await get(`/api/stories/${SLUG}`)
    const story = (await current.json()) as any
    story.figures[0].label.en = `  ${story.figures[0].label.en}  `
    story.figures[0].colour = 'red'
    const res = await SELF.fetch(`${ORIGIN}/api/stories/${SLUG}`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag')! },
      body: JSON.stringify({ ...story, note: 'Label spacing' }),
    })
    expect(res.status).toBe(200)
    newIsolate()
    const served = (await (await get(`/api/stories/${SLUG}`)).json()) as any
    const { updated: _updated, ...dataset } = served
    const expected = parseStory(story)
    expect(expected.ok && expected.story).toEqual(dataset)
    expect(served.figures[0].label.en).toBe(rawStory().figures[0].label.en)
    expect(served.figures[0]).not.toHaveProperty('colour')
    // And widgets draw it.
    newIsolate()
    expect((await get(`/widgets/${SLUG}/toll-counter.svg`)).status).toBe(200)
  })
})
