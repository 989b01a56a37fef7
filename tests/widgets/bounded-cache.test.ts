// The per-isolate caches stay within their bounds, and keep what was used last.
import { describe, expect, it } from 'vitest'
import { BoundedCache } from '../../widgets/bounded-cache'

describe('BoundedCache', () => {
  it('drops the least recently used past its count, a read counting as use', () => {
    const c = new BoundedCache<string, number>(3)
    c.set('a', 1)
    c.set('b', 2)
    c.set('c', 3)
    expect(c.get('a')).toBe(1)
    c.set('d', 4)
    expect([...c.keys()]).toEqual(['c', 'a', 'd'])
    expect(c.peek('b')).toBeUndefined()
  })

  it('drops the oldest past its total size, keeps one entry larger than the bound alone, and tells who went', () => {
    const gone: string[] = []
    const c = new BoundedCache<string, string>(100, 10, (k) => gone.push(k))
    c.set('a', 'x', 4)
    c.set('b', 'x', 4)
    c.set('c', 'x', 4)
    expect(gone).toEqual(['a'])
    expect(c.weight).toBe(8)
    c.set('huge', 'x', 50)
    expect(gone).toEqual(['a', 'b', 'c'])
    expect([...c.keys()]).toEqual(['huge'])
    c.set('b', 'y', 4)
    expect([...c.keys()]).toEqual(['b'])
    expect(c.weight).toBe(4)
  })

  it('counts a replaced entry once', () => {
    const c = new BoundedCache<string, string>(10, 100)
    c.set('a', 'x', 30)
    c.set('a', 'y', 40)
    expect(c.weight).toBe(40)
    expect(c.size).toBe(1)
    c.delete('a')
    expect(c.weight).toBe(0)
  })
})
