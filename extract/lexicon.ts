// English words the finders key on, in one place so that another locale is one more file.

/** Verbs that report speech, in the forms wire copy uses. */
export const REPORTING_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'warned', 'warns', 'urged', 'urges', 'accused', 'accuses', 'denied', 'denies',
  'pledged', 'pledges', 'announced', 'announces', 'revealed', 'reveals', 'declared', 'declares', 'emphasized', 'emphasised',
  'emphasizes', 'emphasises', 'stressed', 'stresses', 'insisted', 'insists', 'maintained', 'maintains', 'argued', 'argues',
  'claimed', 'claims', 'noted', 'notes', 'confirmed', 'confirms', 'stated', 'states', 'acknowledged', 'acknowledges',
  'agreed', 'added', 'adds', 'explained', 'explains', 'predicted', 'predicts', 'estimated', 'estimates', 'reported', 'reports',
  'wrote', 'writes', 'ruled', 'rules', 'alleged', 'alleges', 'asserted', 'asserts', 'conceded', 'concedes', 'admitted', 'admits',
  'cautioned', 'cautions', 'vowed', 'vows', 'promised', 'promises', 'threatened', 'threatens', 'demanded', 'demands',
  'testified', 'testifies', 'countered', 'replied', 'responded', 'complained', 'complains', 'called', 'calls', 'projected',
  'forecast', 'announcing', 'saying', 'warning', 'urging', 'adding', 'insisting', 'arguing', 'claiming', 'noting', 'stressing',
  'declaring', 'accusing', 'denying', 'pledging', 'agreeing', 'calling', 'vowing', 'promising', 'explaining', 'telling',
]
export const REPORTING = new Set(REPORTING_VERBS)

/** Verbs whose report is their object, so the statement's words start at the verb. */
export const OBJECT_VERBS = new Set([
  'accused', 'accuses', 'accusing', 'urged', 'urges', 'urging', 'denied', 'denies', 'denying', 'pledged', 'pledges', 'pledging',
  'vowed', 'vows', 'vowing', 'promised', 'promises', 'promising', 'threatened', 'threatens', 'demanded', 'demands', 'called',
  'calls', 'calling', 'warning',
])

/** "said" as it closes a quote: the verbs of `“…,” she said`. */
export const ATTRIBUTION_VERBS = /(?:said|says|added|adds|told|tells|asked|asks|wrote|writes|warned|warns|explained|explains|continued|insisted|insists|stressed|noted|replied|recalled|declared|argued|acknowledged|conceded|cautioned|urged|admitted|complained|concluded|shouted|pleaded|remarked)/

export const AUXILIARIES = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'should', 'may', 'might', 'also', 'further', 'repeatedly',
  'strongly', 'again', 'previously', 'later', 'earlier', 'publicly', 'privately', 'separately', 'reportedly', 'allegedly', 'then',
  'already', 'recently', 'firmly', 'flatly', 'quickly', 'immediately', 'formally', 'officially', 'initially', 'now', 'been', 'not',
  'once', 'too', 'still', 'yet', 'jointly',
])

/** Words that make a capitalised run a title or role, not a name. */
export const TITLE_WORDS = new Set(
  ('president vice-president prime minister secretary-general secretary general chancellor mayor governor senator rep. representative ' +
    'judge justice chief executive spokesman spokeswoman spokesperson director director-general head leader chairman chairwoman chair ' +
    'ceo cfo coo commissioner ambassador envoy king queen prince princess pope foreign defence defense interior finance health ' +
    'official officer commander gen. lt. col. sgt. capt. maj. inspector detective superintendent professor prof. premier ' +
    'president-elect deputy assistant attorney attorney-general coroner sheriff chief-of-staff speaker councillor councilor ' +
    'founder co-founder manager economist analyst lawyer attorney negotiator coach captain archbishop bishop cardinal rabbi imam ' +
    'colonel general lieutenant sergeant admiral marshal minister-president mp mep lawmaker legislator adviser advisor ' +
    'chief-executive president. gov. sen. secretary-general. presiding treasurer registrar magistrate').split(/\s+/),
)

/** Honorifics that stay part of a name, as the article writes it ("Sir Keir Starmer"). */
export const HONORIFICS = new Set(['sir', 'dame', 'lord', 'lady', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sheikh', 'rev.', 'fr.'])

/** Head words of organisations: a capitalised run ending in one is not a person. */
export const ORG_WORDS = new Set(
  ('ministry department agency nations council union party court government military army police office commission organisation ' +
    'organization bank company corp corp. inc inc. ltd group association service authority authorities board committee federation ' +
    'institute university college school hospital fund forces force navy guard parliament congress senate assembly cabinet ' +
    'administration centre center programme program network station agency. court. tribunal federation league club foundation ' +
    'coalition alliance front movement brigade brigades corps bureau reserve exchange times post news press reuters ap afp bbc cnn ' +
    'church mission embassy consulate red cross crescent unicef unrwa who wfp unhcr ocha nato un eu idf hamas hezbollah').split(/\s+/),
)

/** Nouns for groups and bodies that speak without a name: "officials said", "the agency reported". */
export const GROUP_NOUNS =
  /\b(?:officials?|authorities|agenc(?:y|ies)|ministry|ministries|government|military|army|police|spokes(?:man|woman|person|people)|union|unions|court|judges?|jury|company|companies|firm|group|groups|organi[sz]ations?|council|committee|commission|prosecutors?|lawyers?|residents|witnesses|experts|analysts|sources|organi[sz]ers|researchers|scientists|doctors|medics|rescuers|workers|leaders?|diplomats?|observers|monitors|campaigners|activists|protesters|demonstrators|critics|opponents|supporters|voters|minist(?:er|ers)|(?:vice[- ])?president|mayor|governor|regulators?|board|management|employers|staff|officers|teams?|coalition|parties|party|administration|cabinet|parliament|negotiators|mediators|investigators|inspectors|statement|spokesperson|secretary|chief|director|head|service|services|forces|community|observatory|bureau|institute|department|survivors|relatives|families|passengers|villagers|parents|teachers|nurses|farmers|members|sides|authority|officer|operator|owners?|residents|locals|neighbours|neighbors|employees|managers|executives|spokes\w*|airline|carrier|insurer|hospital|school|university|agency|commissioner|regulator|watchdog|charity|charities|aid groups?|rescue teams?|crews?|firefighters|soldiers|troops|militants|rebels|fighters|prosecution|defence|defense|plaintiffs|defendants?)\b/i

export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her'])
export const PLURAL_PRONOUNS = new Set(['they', 'them'])

/** Capitalised words that start sentences or clauses and are never part of a name. */
export const NOT_NAME = new Set(
  ('the a an according in on at as for but and or this that these those his her their its our my your it he she they we i you ' +
    'by from with while after before since when if though although however meanwhile also yet so then there here what which who ' +
    'where why how during under over into onto through despite amid until unless because than both either neither each every all ' +
    'some many most several few no not now today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december earlier later last next one two three').split(/\s+/),
)
