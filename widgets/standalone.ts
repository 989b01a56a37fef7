// A figure shown on its own stands on its own (CONTRACT.md "v2: updates, corrections,
// retractions"; issue #13). Any figure can be asked for alone (toll-counter?figures=…), so
// no figure's label may lean on another: "251 people taken hostage in the same attack"
// names no attack when it is the only figure drawn. Such labels are refused when a story
// is created or published (not when a stored version is read: those keep serving as they
// were published), naming the label and the words, so the editor writes what the figure
// counts instead ("in Hamas's cross-border attack on Israel") and gives the figure the day
// it counts (`date`).
//
// Why a check and not a second, per-figure "standalone" label: a label is shown alone or in
// company depending on a query string the newsroom's page writes, long after publishing, so
// every label must work alone anyway, and one label per locale is already six to keep right.
//
// The words are the ones that point back at something said before (anaphora): "the same",
// "of those", "others", "the latter", and their counterparts in each widget locale. The list
// is deliberately short, so an ordinary label is never refused; it cannot catch every
// paraphrase ("in that attack" passes), which the editor page's preview of each figure alone
// is for.
import type { Locale } from './locale'
import type { Story } from './story'

const leaning: Record<Locale, RegExp> = {
  en: /\b(the same|of (?:those|these|them|whom)|among (?:them|those)|others|the latter|the former|the rest)\b/iu,
  fr: /(?:^|[\s’'])(l[ae] même|les mêmes|de ces|d[’']entre (?:eux|elles)|parmi (?:eux|elles|ceux-ci)|ces derniers|ces dernières)(?=$|[\s,.;:])/iu,
  de: /(?:^|\s)(demselben|derselben|desselben|dieselben?|davon|von ihnen|darunter|dieser Todesfälle|letztere[nmrs]?)(?=$|[\s,.;:])/iu,
  es: /(?:^|\s)(el mismo|la misma|los mismos|las mismas|de (?:esas|esos|ellos|ellas)|entre (?:ellos|ellas)|los demás|las demás)(?=$|[\s,.;:])/iu,
  // Arabic attaches pronouns to their word: "نفسه" (itself), "منهم" (of them).
  ar: /(نفسه|نفسها|ذاته|ذاتها|منهم|منهن|من بينهم|هؤلاء)/u,
  // Hebrew attaches prepositions: "באותה מתקפה" (in the same attack), "מהם" (of them).
  he: /(?:^|\s|[בלמהו])(אותה|אותו|אותם|אותן)(?=$|\s)|(?:^|\s)(מהם|מהן|מתוכם|מתוכן|מביניהם)(?=$|[\s,.;:])/u,
}

export interface LabelProblem {
  path: string
  message: string
}

/** Every figure label, in every locale given, that leans on another figure. */
export function leaningLabels(story: Story): LabelProblem[] {
  const problems: LabelProblem[] = []
  story.figures.forEach((f, i) => {
    for (const [locale, words] of Object.entries(f.label) as [Locale, string | undefined][]) {
      const found = words === undefined ? null : leaning[locale].exec(words)
      if (!found) continue
      const phrase = (found[1] ?? found[2] ?? found[0]).trim()
      problems.push({
        path: `figures.${i}.label.${locale}`,
        message: `“${phrase}” leans on another figure, but this one can be shown alone (toll-counter?figures=${f.id}): say what it counts in full, and give the day it counts as the figure’s date`,
      })
    }
  })
  return problems
}
