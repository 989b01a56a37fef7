// Everything a widget says in words, per locale: number and date formats (d3-format and
// d3-time-format locale definitions, built once per isolate) and the chrome strings.
// Data strings (labels, attributions) come translated in the dataset; quotes never are.
import { formatLocale, type FormatLocaleDefinition } from 'd3-format'
import type { TimeLocaleDefinition } from 'd3-time-format'
import type { Qualifier } from './story'
import type { Script } from './text-measure'
import enNumber from 'd3-format/locale/en-GB'
import arNumber from 'd3-format/locale/ar-EG'
import heNumber from 'd3-format/locale/he-IL'
import frNumber from 'd3-format/locale/fr-FR'
import deNumber from 'd3-format/locale/de-DE'
import esNumber from 'd3-format/locale/es-ES'
import enTime from 'd3-time-format/locale/en-GB'
import arTime from 'd3-time-format/locale/ar-EG'
import heTime from 'd3-time-format/locale/he-IL'
import frTime from 'd3-time-format/locale/fr-FR'
import deTime from 'd3-time-format/locale/de-DE'
import esTime from 'd3-time-format/locale/es-ES'

export const locales = ['en', 'ar', 'he', 'fr', 'de', 'es'] as const
export type Locale = (typeof locales)[number]
export type Direction = 'ltr' | 'rtl'

interface Messages {
  source: (attribution: string) => string
  asOf: (date: string) => string
  qualifier: Record<Qualifier, string>
  million: string
  days: (n: number, formatted: string) => string
  approximateDate: (date: string) => string
  dateRange: (from: string, to: string) => string
  quote: string
  getData: string
  paraphrase: string
  tollTitle: string
  /** The duration widget's title when the story gives none of its own. */
  durationTitle: string
  statementsTitle: string
  exactDate: string
  approximateDateLegend: string
  asReported: (date: string) => string
  /** Reader-facing notes (issue #13): the note is the editor's public sentence. */
  updated: (date: string, note: string) => string
  corrected: (date: string, note: string) => string
  withdrawn: (date: string, note: string) => string
  /** The heading of a withdrawn story's notice. */
  withdrawnTitle: string
  /** The mark by a figure a correction changed. */
  correctedMark: string
  /** The day a figure about a past event counts: "on 7 October 2023". */
  figureDay: (date: string) => string
  /** The embed page's link to the corrections feed. */
  corrections: string
  change: (delta: number, amount: string, since: string) => string
  countedNotReported: (date: string) => string
  statementsNote: string
  blockadeDesc: (days: string, label: string, from: string, to: string) => string
}

interface LocaleDefinition {
  dir: Direction
  number: FormatLocaleDefinition
  time: TimeLocaleDefinition
  longDate: string
  shortDate: string
  messages: Messages
}

const definitions: Record<Locale, LocaleDefinition> = {
  en: {
    dir: 'ltr', number: enNumber as FormatLocaleDefinition, time: enTime as TimeLocaleDefinition, longDate: '%-d %B %Y', shortDate: '%-d %b',
    messages: {
      source: (a) => `Source: ${a}`,
      asOf: (d) => `as of ${d}`,
      qualifier: { 'at least': 'at least', approximately: 'approximately', about: 'about', around: 'around', roughly: 'roughly', 'more than': 'more than', over: 'over', nearly: 'nearly', almost: 'almost', 'up to': 'up to', some: 'some', 'fewer than': 'fewer than', 'less than': 'less than' },
      million: 'million',
      days: (n, f) => `${f} ${n === 1 ? 'day' : 'days'}`,
      approximateDate: (d) => `about ${d}`,
      dateRange: (a, b) => `${a} – ${b}`,
      quote: 'Quote',
      getData: 'Get the data',
      paraphrase: 'Paraphrase',
      tollTitle: 'Key figures',
      durationTitle: 'Duration',
      statementsTitle: 'Statements reported in the article',
      exactDate: 'exact date',
      approximateDateLegend: 'approximate date',
      asReported: (d) => `As reported in an article published ${d}`,
      updated: (d, note) => `Updated ${d}: ${note}`,
      corrected: (d, note) => `Corrected ${d}: ${note}`,
      withdrawn: (d, note) => `Withdrawn on ${d}: ${note}`,
      withdrawnTitle: 'Story withdrawn',
      correctedMark: 'Corrected figure',
      figureDay: (d) => `on ${d}`,
      corrections: 'Corrections',
      change: (d, n, since) => `${d > 0 ? 'up' : 'down'} ${n} since ${since}`,
      countedNotReported: (d) => `The article reports the situation as of ${d}; later days are counted, not reported.`,
      statementsNote: 'Quotes are verbatim; paraphrases are the article’s wording.',
      blockadeDesc: (days, label, a, b) => `${days} ${label}: from ${a} to ${b}.`,
    },
  },
  ar: {
    dir: 'rtl', number: arNumber as FormatLocaleDefinition, time: arTime as TimeLocaleDefinition, longDate: '%-d %B %Y', shortDate: '%-d %B',
    messages: {
      source: (a) => `المصدر: ${a}`,
      asOf: (d) => `حتى ${d}`,
      qualifier: { 'at least': 'ما لا يقل عن', approximately: 'نحو', about: 'نحو', around: 'حوالي', roughly: 'قرابة', 'more than': 'أكثر من', over: 'أكثر من', nearly: 'ما يقارب', almost: 'ما يقارب', 'up to': 'ما يصل إلى', some: 'نحو', 'fewer than': 'أقل من', 'less than': 'أقل من' },
      million: 'مليون',
      days: (n, f) => `${f} ${n === 1 ? 'يوم' : n === 2 ? 'يومان' : n % 100 >= 3 && n % 100 <= 10 ? 'أيام' : n % 100 >= 11 && n % 100 <= 99 ? 'يومًا' : 'يوم'}`,
      approximateDate: (d) => `نحو ${d}`,
      dateRange: (a, b) => `${a} – ${b}`,
      quote: 'اقتباس',
      getData: 'احصل على البيانات',
      paraphrase: 'إعادة صياغة',
      tollTitle: 'أرقام رئيسية',
      durationTitle: 'المدة',
      statementsTitle: 'تصريحات أوردها المقال',
      exactDate: 'تاريخ محدد',
      approximateDateLegend: 'تاريخ تقريبي',
      asReported: (d) => `كما ورد في مقال نُشر في ${d}`,
      updated: (d, note) => `حُدّث في ${d}: ${note}`,
      corrected: (d, note) => `صُحّح في ${d}: ${note}`,
      withdrawn: (d, note) => `سُحب في ${d}: ${note}`,
      withdrawnTitle: 'سُحبت هذه المادة',
      correctedMark: 'رقم مُصحَّح',
      figureDay: (d) => `في ${d}`,
      corrections: 'التصحيحات',
      change: (d, n, since) => `${d > 0 ? 'بزيادة' : 'بانخفاض'} ${n} منذ ${since}`,
      countedNotReported: (d) => `يصف المقال الوضع حتى ${d}؛ الأيام اللاحقة محسوبة وليست منقولة عنه.`,
      statementsNote: 'الاقتباسات حرفية باللغة الأصلية؛ وإعادة الصياغة بكلمات المقال.',
      blockadeDesc: (days, label, a, b) => `${days} ${label}: من ${a} إلى ${b}.`,
    },
  },
  he: {
    dir: 'rtl', number: heNumber as FormatLocaleDefinition, time: heTime as TimeLocaleDefinition, longDate: '%-d ב%B %Y', shortDate: '%-d ב%b',
    messages: {
      source: (a) => `מקור: ${a}`,
      asOf: (d) => `נכון ל־${d}`,
      qualifier: { 'at least': 'לפחות', approximately: 'בערך', about: 'כ־', around: 'כ־', roughly: 'בקירוב', 'more than': 'יותר מ־', over: 'יותר מ־', nearly: 'כמעט', almost: 'כמעט', 'up to': 'עד', some: 'כ־', 'fewer than': 'פחות מ־', 'less than': 'פחות מ־' },
      million: 'מיליון',
      days: (n, f) => (n === 1 ? 'יום אחד' : n === 2 ? 'יומיים' : `${f} ימים`),
      approximateDate: (d) => `בערך ${d}`,
      dateRange: (a, b) => `${a} – ${b}`,
      quote: 'ציטוט',
      getData: 'להורדת הנתונים',
      paraphrase: 'פרפרזה',
      tollTitle: 'נתונים עיקריים',
      durationTitle: 'משך',
      statementsTitle: 'הצהרות שדווחו בכתבה',
      exactDate: 'תאריך מדויק',
      approximateDateLegend: 'תאריך משוער',
      asReported: (d) => `כפי שדווח בכתבה שפורסמה ב־${d}`,
      updated: (d, note) => `עודכן ב־${d}: ${note}`,
      corrected: (d, note) => `תוקן ב־${d}: ${note}`,
      withdrawn: (d, note) => `הוסר ב־${d}: ${note}`,
      withdrawnTitle: 'הכתבה הוסרה',
      correctedMark: 'נתון מתוקן',
      figureDay: (d) => `ב־${d}`,
      corrections: 'תיקונים',
      change: (d, n, since) => `${d > 0 ? 'עלייה' : 'ירידה'} של ${n} מאז ${since}`,
      countedNotReported: (d) => `הכתבה מתארת את המצב נכון ל־${d}; הימים שאחריו נספרו ולא דווחו.`,
      statementsNote: 'הציטוטים מילה במילה בשפת המקור; הפרפרזות בלשון הכתבה.',
      blockadeDesc: (days, label, a, b) => `${days} ${label}: מ־${a} עד ${b}.`,
    },
  },
  fr: {
    // French groups digits with a no-break space, set here so no import can turn it into a
    // breaking one and wrap "52 567" across lines.
    dir: 'ltr', number: { ...(frNumber as FormatLocaleDefinition), thousands: '\u00a0' }, time: frTime as TimeLocaleDefinition, longDate: '%-d %B %Y', shortDate: '%-d %b',
    messages: {
      source: (a) => `Source : ${a}`,
      asOf: (d) => `au ${d}`,
      qualifier: { 'at least': 'au moins', approximately: 'environ', about: 'environ', around: 'environ', roughly: 'à peu près', 'more than': 'plus de', over: 'plus de', nearly: 'près de', almost: 'presque', 'up to': 'jusqu’à', some: 'quelque', 'fewer than': 'moins de', 'less than': 'moins de' },
      million: 'millions',
      days: (n, f) => `${f} ${n <= 1 ? 'jour' : 'jours'}`,
      approximateDate: (d) => `vers le ${d}`,
      dateRange: (a, b) => `${a} – ${b}`,
      quote: 'Citation',
      getData: 'Télécharger les données',
      paraphrase: 'Paraphrase',
      tollTitle: 'Chiffres clés',
      durationTitle: 'Durée',
      statementsTitle: 'Déclarations rapportées dans l’article',
      exactDate: 'date exacte',
      approximateDateLegend: 'date approximative',
      asReported: (d) => `Selon un article publié le ${d}`,
      updated: (d, note) => `Mis à jour le ${d} : ${note}`,
      corrected: (d, note) => `Corrigé le ${d} : ${note}`,
      withdrawn: (d, note) => `Retiré le ${d} : ${note}`,
      withdrawnTitle: 'Article retiré',
      correctedMark: 'Chiffre corrigé',
      figureDay: (d) => `le ${d}`,
      corrections: 'Corrections',
      change: (d, n, since) => `en ${d > 0 ? 'hausse' : 'baisse'} de ${n} depuis le ${since}`,
      countedNotReported: (d) => `L’article décrit la situation au ${d} ; les jours suivants sont comptés, non rapportés.`,
      statementsNote: 'Citations mot pour mot, en langue originale ; paraphrases dans les termes de l’article.',
      blockadeDesc: (days, label, a, b) => `${days} ${label} : du ${a} au ${b}.`,
    },
  },
  de: {
    dir: 'ltr', number: deNumber as FormatLocaleDefinition, time: deTime as TimeLocaleDefinition, longDate: '%-d. %B %Y', shortDate: '%-d. %b',
    messages: {
      source: (a) => `Quelle: ${a}`,
      asOf: (d) => `Stand: ${d}`,
      qualifier: { 'at least': 'mindestens', approximately: 'etwa', about: 'etwa', around: 'rund', roughly: 'ungefähr', 'more than': 'mehr als', over: 'über', nearly: 'fast', almost: 'beinahe', 'up to': 'bis zu', some: 'rund', 'fewer than': 'weniger als', 'less than': 'weniger als' },
      million: 'Millionen',
      days: (n, f) => `${f} ${n === 1 ? 'Tag' : 'Tage'}`,
      approximateDate: (d) => `etwa ${d}`,
      dateRange: (a, b) => `${a} – ${b}`,
      quote: 'Zitat',
      getData: 'Daten herunterladen',
      paraphrase: 'Sinngemäß',
      tollTitle: 'Zahlen im Überblick',
      durationTitle: 'Dauer',
      statementsTitle: 'Im Artikel wiedergegebene Aussagen',
      exactDate: 'genaues Datum',
      approximateDateLegend: 'ungefähres Datum',
      asReported: (d) => `Laut einem Artikel vom ${d}`,
      updated: (d, note) => `Aktualisiert am ${d}: ${note}`,
      corrected: (d, note) => `Korrigiert am ${d}: ${note}`,
      withdrawn: (d, note) => `Zurückgezogen am ${d}: ${note}`,
      withdrawnTitle: 'Beitrag zurückgezogen',
      correctedMark: 'Korrigierte Zahl',
      figureDay: (d) => `am ${d}`,
      corrections: 'Korrekturen',
      change: (d, n, since) => `${n} ${d > 0 ? 'mehr' : 'weniger'} als am ${since}`,
      countedNotReported: (d) => `Der Artikel beschreibt die Lage am ${d}; spätere Tage sind gezählt, nicht berichtet.`,
      statementsNote: 'Zitate wörtlich in der Originalsprache; sinngemäße Aussagen im Wortlaut des Artikels.',
      blockadeDesc: (days, label, a, b) => `${days} ${label}: vom ${a} bis ${b}.`,
    },
  },
  es: {
    dir: 'ltr', number: esNumber as FormatLocaleDefinition, time: esTime as TimeLocaleDefinition, longDate: '%-d de %B de %Y', shortDate: '%-d %b',
    messages: {
      source: (a) => `Fuente: ${a}`,
      asOf: (d) => `a ${d}`,
      qualifier: { 'at least': 'al menos', approximately: 'aproximadamente', about: 'unos', around: 'alrededor de', roughly: 'aproximadamente', 'more than': 'más de', over: 'más de', nearly: 'casi', almost: 'casi', 'up to': 'hasta', some: 'unos', 'fewer than': 'menos de', 'less than': 'menos de' },
      million: 'millones',
      days: (n, f) => `${f} ${n === 1 ? 'día' : 'días'}`,
      approximateDate: (d) => `hacia el ${d}`,
      dateRange: (a, b) => `${a} – ${b}`,
      quote: 'Cita',
      getData: 'Descargar los datos',
      paraphrase: 'Paráfrasis',
      tollTitle: 'Cifras clave',
      durationTitle: 'Duración',
      statementsTitle: 'Declaraciones recogidas en el artículo',
      exactDate: 'fecha exacta',
      approximateDateLegend: 'fecha aproximada',
      asReported: (d) => `Según un artículo publicado el ${d}`,
      updated: (d, note) => `Actualizado el ${d}: ${note}`,
      corrected: (d, note) => `Corregido el ${d}: ${note}`,
      withdrawn: (d, note) => `Retirado el ${d}: ${note}`,
      withdrawnTitle: 'Artículo retirado',
      correctedMark: 'Cifra corregida',
      figureDay: (d) => `el ${d}`,
      corrections: 'Correcciones',
      change: (d, n, since) => `${n} ${d > 0 ? 'más' : 'menos'} que el ${since}`,
      countedNotReported: (d) => `El artículo describe la situación a ${d}; los días posteriores se cuentan, no se informan.`,
      statementsNote: 'Las citas son literales, en su idioma original; las paráfrasis, con las palabras del artículo.',
      blockadeDesc: (days, label, a, b) => `${days} ${label}: del ${a} al ${b}.`,
    },
  },
}

export interface LocaleFormat {
  locale: Locale
  dir: Direction
  /** The script whose font leads the stack for this locale's words. */
  script?: Script
  messages: Messages
  /** 52567 → "52,567" (en), "٥٢٬٥٦٧" (ar), "52 567" (fr). */
  integer: (n: number) => string
  /**
   * A figure as the article gives it: rounded figures of a million or more in words, and a
   * fraction with its decimals (a rate of 6.25, a stake of 14.8), never rounded to a whole.
   */
  figure: (value: number, precision: 'exact' | 'approximate') => string
  /** 14.8 → "14.8", 52567 → "52,567": a number with up to three decimals, none written if whole. */
  amount: (n: number) => string
  longDate: (isoDate: string) => string
  /** A tick's day, short ('10 Mar'). */
  shortDate: (day: Date) => string
}

function build(locale: Locale): LocaleFormat {
  const def = definitions[locale]
  const numbers = formatLocale(def.number)
  const integer = numbers.format(',d')
  const oneDecimal = numbers.format(',.1~f')
  const decimals = numbers.format(',.3~f')
  const amount = (n: number) => (Number.isInteger(n) ? integer(n) : decimals(n))
  // Dates have no numerals of their own: they take the number locale's digits.
  const digits = def.number.numerals
  const localDigits = digits ? (s: string) => s.replace(/[0-9]/g, (d) => digits[Number(d)]) : (s: string) => s
  const long = utcDayFormat(def.longDate, def.time)
  const short = utcDayFormat(def.shortDate, def.time)
  const shortByTime = memo((time: number) => localDigits(short(new Date(time))))
  return {
    locale,
    dir: def.dir,
    ...(locale === 'ar' ? { script: 'arabic' as const } : locale === 'he' ? { script: 'hebrew' as const } : {}),
    messages: def.messages,
    integer,
    amount,
    figure: (value, precision) =>
      precision === 'approximate' && Math.abs(value) >= 1e6 ? `${oneDecimal(value / 1e6)} ${def.messages.million}` : amount(value),
    longDate: memo((iso) => localDigits(long(parseIsoDate(iso)))),
    shortDate: (day) => shortByTime(day.getTime()),
  }
}

/**
 * A UTC calendar day written with the d3-time-format directives the locales use: %-d (day
 * of the month), %B and %b (month name, short name) and %Y (year, four digits). A locale
 * needs no more, and d3-time-format's timeFormatLocale builds a parser (a regular
 * expression per list of names) that a new isolate's first response would wait for
 * (issue #15). tests/widgets/locale.test.ts compares every pattern with d3-time-format's.
 */
export function utcDayFormat(pattern: string, names: Pick<TimeLocaleDefinition, 'months' | 'shortMonths'>): (day: Date) => string {
  const parts: (string | ((day: Date) => string))[] = []
  let literal = ''
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '%') {
      literal += pattern[i]
      continue
    }
    const directive = pattern.slice(i + 1, pattern[i + 1] === '-' ? i + 3 : i + 2)
    i += directive.length
    if (literal) parts.push(literal)
    literal = ''
    if (directive === '-d') parts.push((day) => String(day.getUTCDate()))
    else if (directive === 'B') parts.push((day) => names.months[day.getUTCMonth()])
    else if (directive === 'b') parts.push((day) => names.shortMonths[day.getUTCMonth()])
    else if (directive === 'Y') parts.push((day) => String(day.getUTCFullYear() % 10000).padStart(4, '0'))
    else throw new Error(`date pattern ${pattern}: %${directive} is not written by utcDayFormat`)
  }
  if (literal) parts.push(literal)
  return (day) => {
    let out = ''
    for (const part of parts) out += typeof part === 'string' ? part : part(day)
    return out
  }
}

/**
 * Formatting a date costs microseconds and a story has a handful of
 * dates, formatted on every render: each formatter remembers what it made (bounded).
 */
function memo<K>(format: (key: K) => string): (key: K) => string {
  const made = new Map<K, string>()
  return (key) => {
    let s = made.get(key)
    if (s === undefined) {
      if (made.size > 2000) made.clear()
      made.set(key, (s = format(key)))
    }
    return s
  }
}

const digit = (iso: string, i: number) => iso.charCodeAt(i) - 48

/**
 * "2025-03-02" → that day at 00:00 UTC. Dates in stories are calendar days, never instants,
 * and the schemas let only YYYY-MM-DD through, so the digits are read where they stand
 * (less than half the cost of having Date parse the string, and a layout reads several).
 */
export function parseIsoDate(iso: string): Date {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3)
  const date = new Date(Date.UTC(year, digit(iso, 5) * 10 + digit(iso, 6) - 1, digit(iso, 8) * 10 + digit(iso, 9)))
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100) date.setUTCFullYear(year)
  return date
}

const built = new Map<Locale, LocaleFormat>()
/** The locale's formatters, made once per isolate. */
export function localeFormat(locale: Locale): LocaleFormat {
  let f = built.get(locale)
  if (!f) built.set(locale, (f = build(locale)))
  return f
}

/** First letter upper-cased for a line that starts a sentence ("as of …" → "As of …"). */
export function sentenceStart(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1)
}
