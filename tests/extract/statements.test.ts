// Quotes and reported speech in short passages, with the speakers the text gives them.
import { describe, expect, it } from 'vitest'
import { draft, quotes, speakerOf } from './helpers'

describe('statements', () => {
  it('reads a quote split by "he said" as one statement in two spans', () => {
    const d = draft('“We are still digging people out with our hands,” he said, “because the machines cannot get up there.”\nFarid Azimov spoke at noon.')
    const q = quotes(draft('Farid Azimov, the agency’s head of operations, spoke to reporters.\n“We are still digging people out with our hands,” he said, “because the machines cannot get up there.”'))
    expect(q.map((s) => s.text)).toEqual(['We are still digging people out with our hands', 'because the machines cannot get up there.'])
    expect(new Set(q.map((s) => s.draft.group)).size).toBe(1)
    expect(q.map((s) => s.speaker?.name.en)).toEqual(['Farid Azimov', 'Farid Azimov'])
    expect(quotes(d)[0].draft.group).toBe(quotes(d)[1].draft.group)
  })

  it('ends a quote whose closing mark was lost at its inverted attribution: “…, said Dr Nadia Okonjo-Brandt, …', () => {
    const q = quotes(draft('“Most of the children we are treating were never vaccinated, and many live far from a clinic, said Dr Nadia Okonjo-Brandt, the ministry’s director of disease control. She said a campaign would begin soon.'))
    expect(q.map((s) => [s.text, s.speaker?.name.en])).toEqual([['Most of the children we are treating were never vaccinated, and many live far from a clinic', 'Dr Nadia Okonjo-Brandt']])
  })

  it('gives “the commission” to no body of another kind named in its sentence, and “it” to no adverb', () => {
    const d = draft('With 96.9% of ballots counted, the Civic Union had 34.2% of the vote, ahead of the Homeland Alliance on 29.8%, the commission said. The WHO said coverage had fallen to 61% last year. Nationally, coverage was 84%, it said.')
    const speakers = d.statements.map((s) => s.speaker?.name.en)
    expect(speakers).not.toContain('Homeland Alliance')
    expect(speakers).not.toContain('Nationally')
    expect(d.statements.find((s) => s.text.startsWith('Nationally'))?.speaker?.name.en).toBe('WHO')
  })

  it('reads a quote that runs over two paragraphs as one statement, one span per paragraph', () => {
    const d = draft('Nadia Rostami described the night. "The whole wall came down. I could not reach her.\n"When we got her out she was alive," she said.')
    const q = quotes(d)
    expect(q.map((s) => s.text)).toEqual(['The whole wall came down. I could not reach her.', 'When we got her out she was alive'])
    expect(q[0].draft.group).toBe(q[1].draft.group)
    expect(q.every((s) => s.speaker?.name.en === 'Nadia Rostami')).toBe(true)
  })

  it('reads the speaker of "X said: “…”" and of "“…,” said X, a role"', () => {
    const d = draft('Tideway’s chief executive, Alan Prescott, said: “Our offer is fair.”\n“We are seeing families arrive too late,” said Dr Amina Sule, the district medical officer.')
    expect(speakerOf(d, 'Our offer is fair')).toBe('Alan Prescott')
    expect(speakerOf(d, 'families arrive')).toBe('Dr Amina Sule')
    expect(quotes(d)[1].speaker?.role).toEqual({ en: 'The district medical officer' })
  })

  it('reads "he" as the last person named before it, with the name the article gave in full', () => {
    const d = draft('U.S. President Donald Trump will visit the region.\nIn Washington, President Trump pledged that the United States would help. “People are starving,” he said.')
    expect(speakerOf(d, 'People are starving')).toBe('Donald Trump')
    expect(d.statements.find((s) => s.text.includes('People are starving'))?.speaker?.role).toEqual({ en: 'U.S. President' })
  })

  it('dates a participle’s words by the clause they hang on, and never by a "who …" clause’s day; a figure in them is as of that day', () => {
    const d = draft('The ministry had reported 31 deaths on Friday but corrected the figure on Saturday, saying eight had been counted twice.', '2025-07-20')
    expect(d.statements.map((s) => [s.text, s.date])).toEqual([['eight had been counted twice', '2025-07-19']])
    expect(d.figures.find((f) => f.value === 8)?.asOf).toBe('2025-07-19')
    const visit = draft('Interior Minister Aurel Danescu, who visited the site on Tuesday, said the hall had held about 1,800 tonnes of fertiliser.', '2025-12-10')
    expect(visit.statements.map((s) => s.date)).toEqual([undefined])
  })

  it('dates a quote by the day that opens its sentence, never by a deadline ahead; gives no role from a relative clause; reads "Its rules allow" as no one speaking', () => {
    const d = draft('On Wednesday evening, the economy minister, Henrik Stolle, called the tariff “a tax on builders dressed up as a defence of jobs” and said his government would respond within 30 days.', '2026-11-05')
    expect(d.statements.find((s) => s.kind === 'quote')?.date).toBe('2026-11-04')
    const union = draft('The Northern Customs Union, to which both countries belong, said it would hold an emergency meeting. Its rules allow a member to impose duties only after a 90-day consultation.', '2026-11-05')
    expect(union.statements.map((s) => s.speaker)).toEqual([{ name: { en: 'Northern Customs Union' } }])
  })

  it('names whose role a possessive gives ("Its health spokeswoman" → the body named before), and drops a pronoun with no one before it', () => {
    const d = draft('The opposition Civic Alliance said the government had been warned. Its health spokeswoman, Nadia Oure, told a news conference: “Every summer the minister discovers that it is hot.”')
    expect(d.statements.find((s) => s.kind === 'quote')?.speaker).toEqual({ name: { en: 'Nadia Oure' }, role: { en: 'The opposition Civic Alliance’s health spokeswoman' } })
    expect(draft('Its spokesman, Idris Kalan, said it had received 276 of its members.').statements[0].speaker?.role).toEqual({ en: 'Spokesman' })
  })

  it('reads a title before a name as the role: "UN Secretary-General António Guterres warned that …"', () => {
    const [s] = draft('UN Secretary-General António Guterres warned that an expanded offensive would lead to more deaths.').statements
    expect(s).toMatchObject({ kind: 'paraphrase', speaker: { name: { en: 'António Guterres' }, role: { en: 'UN Secretary-General' } }, text: 'an expanded offensive would lead to more deaths' })
  })

  it('joins two speakers with their roles: "British Prime Minister Sir Keir Starmer and French President Emmanuel Macron"', () => {
    const [s] = draft('British Prime Minister Sir Keir Starmer and French President Emmanuel Macron said a renewed peace process was required.').statements
    expect(s.speaker).toEqual({ name: { en: 'Sir Keir Starmer and Emmanuel Macron' }, role: { en: 'British Prime Minister and French President' } })
  })

  it('drops scare quotes: a few words in marks that no one is said to say', () => {
    const d = draft('The military aims to achieve the “decisive defeat” of Hamas. Residents call the valley a ‘forgotten corner’ of the province.')
    expect(quotes(d)).toEqual([])
    // Inside reported speech too, when the marked words name a thing.
    const said = draft('They said the delay would give Hamas a final “window of opportunity” to accept a deal.')
    expect(quotes(said)).toEqual([])
    expect(said.statements.map((s) => s.kind)).toEqual(['paraphrase'])
  })

  it('takes a few marked words in someone’s reported speech for their words, and keeps the reported speech around them', () => {
    for (const [text, words] of [
      ['The union said the plan would “hollow out” the town and demanded that the plant stay open.', 'hollow out'],
      ['Oruç said he expected the talks to last “days, not weeks”.', 'days, not weeks'],
      ['The company denied that, saying its operators had followed the rules “to the letter”.', 'to the letter'],
    ]) {
      const d = draft(text)
      expect(quotes(d).map((s) => s.text), text).toEqual([words])
      expect(d.statements.find((s) => s.kind === 'paraphrase')?.text, text).toContain(`“${words}”`)
    }
    // Quoted words that are all it says are the quote alone.
    expect(draft('She said that “nobody will be left behind”.').statements.map((s) => [s.kind, s.text])).toEqual([['quote', 'nobody will be left behind']])
  })

  it('starts a quote that lost its opening mark at its sentence, and at the speech before it in the paragraph', () => {
    const d = draft('Dev Mistry said strike pay barely covered his rent. We are not greedy people. We want to keep up with the prices, that’s all,” he said.')
    expect(quotes(d).map((s) => [s.text, s.speaker?.name.en])).toEqual([['We are not greedy people. We want to keep up with the prices, that’s all', 'Dev Mistry']])
  })

  it('ends a quote that lost its closing mark at its clause, when it opened inside narration', () => {
    const d = draft('A senior Hamas official has declared that there is “no point in continuing negotiations for a new deal, following Israel’s approval of an expanded operation.\nBassem Naim, a senior figure within the group, told the BBC that Hamas would not engage.')
    const [q] = quotes(d)
    expect(q.text).toBe('no point in continuing negotiations for a new deal')
    expect(q.speaker?.name.en).toBe('Bassem Naim')
    expect(q.speaker?.role).toEqual({ en: 'Senior Hamas official' })
  })

  it('reads a closing mark after reported speech as a quote whose opening mark was lost', () => {
    const [s] = draft('The leaders agreed in a joint statement that a renewed peace process was required” to prevent catastrophe.').statements
    expect(s).toMatchObject({ kind: 'quote', text: 'a renewed peace process was required' })
  })

  it('reads quotes in « » and „ “, and single quotes with an apostrophe inside', () => {
    const d = draft('«My client never wanted to put anyone in danger,» Aubineau told reporters.\nSarnai said: „The people have voted for change.“\n‘People were shouting that it wasn’t anything, just the wind,’ said Mirela Dost.')
    expect(quotes(d).map((s) => [s.text, s.speaker?.name.en])).toEqual([
      ['My client never wanted to put anyone in danger', 'Aubineau'],
      ['The people have voted for change.', 'Sarnai'],
      ['People were shouting that it wasn’t anything, just the wind', 'Mirela Dost'],
    ])
  })

  it('ends a quote whose closing mark was lost at the attribution, before the next quote opens: `“A, Vik said. “B.”`', () => {
    const d = draft('Tomas Vik leads the union.\n“They hired too fast and now the people on the floor pay the bill, Vik said. “We will not sign anything.”')
    expect(quotes(d).map((s) => [s.text, s.speaker?.name.en])).toEqual([
      ['They hired too fast and now the people on the floor pay the bill', 'Tomas Vik'],
      ['We will not sign anything.', 'Tomas Vik'],
    ])
  })

  it('runs a quote introduced by a colon to the end of its paragraph when its closing mark was lost', () => {
    const d = draft('Ingrid Solberg is the chief executive.\nAsked whether more cuts could follow, she said: “I will not promise what I cannot know. What I can promise is that we will not do this twice.')
    expect(quotes(d).map((s) => [s.text, s.speaker?.name.en])).toEqual([['I will not promise what I cannot know. What I can promise is that we will not do this twice.', 'Ingrid Solberg']])
  })

  it('reads the name after a role as the speaker: `,” said Porto Lume’s team doctor, Helena Brás.`', () => {
    const d = draft('“He was dizzy and he could not see properly,” said Porto Lume’s team doctor, Helena Brás.')
    expect(speakerOf(d, 'He was dizzy')).toBe('Helena Brás')
  })

  it('takes what someone "called" a thing, in four words or more, for their quote, and "and said" after it for a second statement', () => {
    const d = draft('The interior minister, Kemal Oruç, called the exchange “a first step, not a gift” and said a second round was planned. Residents described a ‘wall of smoke’.')
    expect(d.statements.filter((s) => s.speaker?.name.en === 'Kemal Oruç').map((s) => [s.kind, s.text])).toEqual([
      ['quote', 'a first step, not a gift'],
      ['paraphrase', 'a second round was planned'],
    ])
    expect(quotes(d).map((s) => s.text)).toEqual(['a first step, not a gift'])
  })

  it('does not take a place for the person "she" refers to: “…,” she told reporters in the border town of Kefr Amun', () => {
    const d = draft('The chief negotiator, Sirin Aydemir, rejected the charge. «We kept our word,» she told reporters in the border town of Kefr Amun.\n“Our people have been beaten,” she said.')
    expect(quotes(d).map((s) => s.speaker?.name.en)).toEqual(['Sirin Aydemir', 'Sirin Aydemir'])
  })

  it('reads company names as bodies, "X of the Y" as a person and the body they speak for, and an age beside a name as no role', () => {
    const d = draft([
      'Halvard Systems, the Dutch-Norwegian maker of warehouse robots, will cut 1,200 jobs, the company said.',
      'Tomas Vik of the Industrial Workers’ Federation said the union would demand talks.',
      'Priya Raman, an analyst at Calder Securities, spoke next. She said the cuts could save 140 million euros a year.',
      'Solberg, 52, said she would not take a bonus.',
    ].join('\n'))
    expect(d.statements.map((s) => [s.speaker?.name.en, s.speaker?.role?.en])).toEqual([
      ['Halvard Systems', undefined],
      ['Tomas Vik', 'The Industrial Workers’ Federation'],
      ['Priya Raman', 'An analyst at Calder Securities'],
      ['Solberg', undefined],
    ])
  })

  it('reads "…, it said" as the body the sentence opens with, and "the company" again as the company named before', () => {
    const d = draft('Halvard Systems will cut 1,200 jobs, the company said on Thursday.\nThe union reacted angrily.\nRevenue fell 14% to 2.31 billion euros, the company reported. Halvard expects costs of about 95 million euros, it said in a statement.')
    expect(d.statements.map((s) => s.speaker?.name.en)).toEqual(['Halvard Systems', 'Halvard Systems', 'Halvard'])
  })

  it('reads reported speech after a reporting verb as a paraphrase, with the subject as speaker', () => {
    const d = draft('The Israeli government has also accused Hamas of stealing aid, a claim the group has repeatedly denied.\nThe transport minister, Helen Ashby, urged both sides to return to talks and said the government had no plans to intervene.')
    expect(d.statements.map((s) => [s.kind, s.speaker?.name.en, s.text])).toEqual([
      ['paraphrase', 'Israeli government', 'Hamas of stealing aid'],
      ['paraphrase', 'Hamas', 'a claim the group has repeatedly denied'],
      ['paraphrase', 'Helen Ashby', 'both sides to return to talks'],
      ['paraphrase', 'Helen Ashby', 'the government had no plans to intervene'],
    ])
  })

  it('reads what comes before "…, police said." as the paraphrase', () => {
    const [s] = draft('Forty people died when the bridge fell, police said.').statements
    expect(s).toMatchObject({ kind: 'paraphrase', speaker: { name: { en: 'police' } }, text: 'Forty people died when the bridge fell' })
  })

  it('gives a paraphrase the date of its reporting clause: "announced on Monday that …"', () => {
    const [s] = draft('The Israeli military announced on Monday that its aim is to launch a wide operation.').statements
    expect(s).toMatchObject({ speaker: { name: { en: 'Israeli military' } }, date: '2025-05-05', dateText: 'on Monday' })
  })

  it('abstains, with a reason, when no one is named for "he" to refer to', () => {
    const [s] = draft('“We will not give up,” he said.').statements
    expect(s.speaker).toBeUndefined()
    expect(s.draft.needs).toEqual(['speaker'])
    expect(s.draft.reason).toMatch(/no one named/)
  })

  it('does not take "according to X" for a statement', () => {
    expect(draft('According to the manifest, the ship carried 312 passengers.').statements).toEqual([])
  })

  it('gives “the statement said” to whoever issued it, and “the company” to the body the sentence before named', () => {
    const d = draft('Castrano Hydro, the company that runs the dam, said in a statement that it began releasing water on Thursday. “The alternative was an uncontrolled overflow,” the statement said.\nOpposition lawmakers accused Castrano Hydro of keeping the reservoir too full. The company denied that, saying its operators had followed the rules.')
    expect(speakerOf(d, 'The alternative was')).toBe('Castrano Hydro')
    expect(speakerOf(d, 'its operators had followed')).toBe('Castrano Hydro')
    // An appositive that names a person's employer does not make the person a body: "the
    // company" is not her, and "she" is.
    const p = draft('Maria Lopez, a spokeswoman for the company, said the plant was safe. The company later said there had been no leak. She said repairs would take a week.')
    expect(speakerOf(p, 'the plant was safe')).toBe('Maria Lopez')
    expect(speakerOf(p, 'repairs would take')).toBe('Maria Lopez')
    expect(speakerOf(p, 'no leak')).toBe('the company')
  })

  it('reads the speaker before a relative clause or an adverb, and no number of people as one: “An aid group that has spoken to survivors says”, “Halvern Coal first said”, “Dozens …, it said”', () => {
    expect(speakerOf(draft('An aid group that has spoken to survivors says more than 40 are missing.'), 'more than 40')).toBe('An aid group')
    expect(speakerOf(draft('Halvern Coal first said 17 men were trapped.'), '17 men')).toBe('Halvern Coal')
    const moved = draft('Dozens of survivors of an earlier wreck were moved to the mainland two weeks later, it said.').statements.find((s) => s.text.includes('survivors'))
    expect(moved, 'the statement is still drafted').toBeDefined()
    expect(moved?.speaker?.name.en).not.toBe('Dozens')
  })

  it('takes no capitalised word inside a sentence for a reporting verb: "Sales in the United States, its largest market, climbed 17%"', () => {
    expect(draft('Sales in the United States, Talvora’s largest market, climbed 17% to $684 million.').statements).toEqual([])
  })

  it('reads a speaker after an inverted verb that ends the sentence, "…, said the harbour master, Ines Kado.", and never reported words or a time for one', () => {
    const d = draft('About 60 boats had left the port by dawn, said the harbour master, Ines Kado.', '2026-03-02')
    const s = d.statements.find((x) => x.text.includes('60 boats'))
    expect(s).toMatchObject({ kind: 'paraphrase', speaker: { name: { en: 'Ines Kado' } } })
    expect(s?.text).not.toContain('Ines Kado')
    expect(speakerOf(draft('The ferries will run again on Friday, said Norland Lines.', '2026-03-02'), 'ferries')).toBe('Norland Lines')
    // "said his client would appeal", "said on Monday": what follows is what was said, or when.
    expect(speakerOf(draft('The skipper’s lawyer, Ana Dubois, said her client would appeal.', '2026-03-02'), 'would appeal')).toBe('Ana Dubois')
    expect(speakerOf(draft('Nine crew were rescued, the coastguard’s spokesman, Tom Reyes, said on Monday.', '2026-03-02'), 'Nine crew')).toBe('Tom Reyes')
  })

  it('reads "…, said Anna Berg, an economist at Halvik Bank." as her words, her role after her name, and sources the figures to her', () => {
    const d = draft('Prices rose 3% in May, said Anna Berg, an economist at Halvik Bank.', '2026-06-02')
    expect(d.statements).toHaveLength(1)
    expect(d.statements[0]).toMatchObject({ kind: 'paraphrase', text: 'Prices rose 3% in May', speaker: { name: { en: 'Anna Berg' } } })
    expect(d.figures.find((f) => f.value === 3)?.attribution?.en).toBe('Anna Berg')
    const crews = draft('Some 1,100 firefighters, backed by 14 aircraft, were on the fire lines, said Irene Calvo, 57, the agency’s director.', '2026-06-02')
    expect(speakerOf(crews, '1,100 firefighters')).toBe('Irene Calvo')
    expect(crews.figures.map((f) => [f.value, f.attribution?.en])).toEqual([[1100, 'Irene Calvo'], [14, 'Irene Calvo']])
    // A "who …" clause after the name says who the speaker is, as a role does.
    expect(speakerOf(draft('The port will reopen soon, said Tom Reyes, who runs the harbour office.', '2026-06-02'), 'port will reopen')).toBe('Tom Reyes')
    expect(speakerOf(draft('Eleven remained in hospital, said Dr Petra Vallin, who heads the burns unit at Dunmere General Hospital.', '2026-06-02'), 'Eleven remained')).toMatch(/Petra Vallin$/)
  })

  it('finds the speaker in the reporting verb’s own clause: after a semicolon, past a "who …" clause, and never in a place reached or a unit’s letter', () => {
    expect(speakerOf(draft('Organisers put the crowd at 60,000; police said some 18,000 took part.', '2026-05-30'), '18,000 took part')).toBe('police')
    const d = draft('Amir Tahel, 24, who reached Kappa Bay with his brother, said they had paid for the crossing.\n“We paid for a boat,” he said.', '2026-08-16')
    expect(speakerOf(d, 'paid for the crossing')).toBe('Amir Tahel')
    expect(speakerOf(d, 'We paid for a boat')).toBe('Amir Tahel')
    // "38C." ends its sentence: the coast guard is the next one's speaker, alone.
    const heat = draft('Families slept on the quay in temperatures of up to 38C. The coast guard said it had rescued 212 people.', '2026-08-16')
    expect(speakerOf(heat, 'rescued 212 people')).toBe('the coast guard')
  })

  it('gives a short name the text defines to the body, without the brackets, and a document’s words to whoever issued it', () => {
    const d = draft('The Kestrian Anti-Doping Authority (KADA) said on Tuesday that the runner had been banned.\nKADA said it had collected about 2,100 samples last year.\nThe runner will keep her title, the authority’s 38-page decision said.', '2026-01-20')
    expect(speakerOf(d, 'had been banned')).toBe('Kestrian Anti-Doping Authority')
    expect(speakerOf(d, 'collected about 2,100')).toBe('the Kestrian Anti-Doping Authority')
    expect(speakerOf(d, 'keep her title')).toMatch(/Kestrian Anti-Doping Authority$/)
    expect(d.figures.find((f) => f.value === 2100)?.attribution?.en).toMatch(/Kestrian Anti-Doping Authority$/)
  })

  it('gives "…, saying …" after "The vote came after the Bank of Lessary raised …" to the bank: a vote says nothing', () => {
    const d = draft('The vote came two days after the Bank of Lessary raised its main rate to 6.25%, saying inflation was “far too high for comfort”.', '2026-01-09')
    expect(speakerOf(d, 'far too high')).toBe('Bank of Lessary')
  })

  it('reads a plural that says, a trailing "told reporters", a second speaker after ", and", and a place in apposition before a colon', () => {
    expect(draft('Farmers’ groups say the heat has cut the wheat harvest by about a fifth.').statements.map((s) => s.speaker?.name.en)).toEqual(['Farmers’ groups'])
    const told = draft('Oremark has drawn up a list of goods that could face duties, two officials familiar with the list told reporters.')
    expect(told.statements.map((s) => [s.speaker?.name.en, s.text])).toEqual([['two officials familiar with the list', 'Oremark has drawn up a list of goods that could face duties']])
    const two = draft('The city council said on Monday it would hand out bottled water this week, and Mayor Rosa Ilvane said the city would ask the regulator for an inquiry.', '2026-02-18')
    expect(two.statements.map((s) => [s.speaker?.name.en, s.text])).toEqual([
      ['the city council', 'it would hand out bottled water this week'],
      ['Rosa Ilvane', 'the city would ask the regulator for an inquiry'],
    ])
    const colon = draft('Its health spokeswoman, Nadia Oure, told a news conference in the capital, Tarsa: “Every summer the minister discovers that it is hot.”')
    expect(speakerOf(colon, 'Every summer')).toBe('Nadia Oure')
  })

  it('gives a quote after "…, Name said:" to the name, not the place the phrase before it ends with', () => {
    const d = draft('The review was led by Mara Voss, a former judge.\nOpening the hearing at a hall in Brenmoor, Voss said: “Nobody was in charge of the gate that night.”', '2026-03-02')
    expect(speakerOf(d, 'Nobody was in charge')).toBe('Mara Voss')
  })
})
