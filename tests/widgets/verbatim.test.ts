// The verbatim rule's readers: what counts as a number written in an excerpt, how text is
// folded before comparing, and the passage an editor is shown when an excerpt is not found.
import { describe, expect, it } from 'vitest'
import { fold, nearestPassage, numbersWritten, valueWritten } from '../../widgets/verbatim'

describe('a figure’s value written in its excerpt', () => {
  it.each([
    [52567, 'at least 52,567 people have been killed'],
    [52567, 'au moins 52 567 personnes'],
    [52567, 'mindestens 52.567 Menschen'],
    [2_100_000, 'most of Gaza’s 2.1 million residents'],
    [2_100_000, 'ses 2,1 millions d’habitants'],
    [4_200_000_000, 'a $4.2bn package'],
    [2, 'the two sides met'],
    [12, 'at least a dozen more ships'],
    [6, 'half a dozen cranes'],
    [250, 'two hundred and fifty workers'],
    [500_000, 'half a million people'],
    [45.2, 'won 45.2% of the vote'],
  ])('%d is written in “%s”', (value, excerpt) => {
    expect(valueWritten(value, excerpt)).toBe(true)
  })

  it.each([
    [52657, 'at least 52,567 people have been killed'],
    [13, 'at least a dozen more ships'],
    [3, 'the two sides met'],
    [2_000_000, 'most of Gaza’s 2.1 million residents'],
    [13, 'won seven and six seats respectively'],
  ])('%d is not written in “%s”', (value, excerpt) => {
    expect(valueWritten(value, excerpt)).toBe(false)
  })

  it('reads Arabic-Indic digits as the numbers they write', () => {
    expect(numbersWritten('قتل ٥٢٥٦٧ شخصا')).toContain(52567)
  })
})

describe('folding', () => {
  it('treats curly and straight quotes, and runs of whitespace, alike', () => {
    expect(fold('Gaza’s “decisive\n  defeat”')).toBe(fold('Gaza\'s "decisive defeat"'))
  })
})

describe('the nearest passage', () => {
  const source = fold('Israel halted all deliveries of aid and other essential supplies on 2 March, and resumed its offensive two weeks later.')

  it('shows the sentence an excerpt with one wrong letter came from', () => {
    expect(nearestPassage(source, fold('Israel halted all deliveries of aid and other esential supplies on 2 March'))).toMatch(/^Israel halted all deliveries of aid and other essential supplies/)
  })

  it('finds it from the end when the typo is near the start', () => {
    expect(nearestPassage(source, fold('Israhel halted all deliveries of aid and other essential supplies on 2 March'))).toContain('essential supplies on 2 March')
  })

  it('offers nothing for words the source never says', () => {
    expect(nearestPassage(source, fold('The moon is made of cheese, officials said.'))).toBeUndefined()
  })
})
