// What the drafts route loads on first use: the extractor and the HTML reader, with
// chrono-node and htmlparser2 behind them. Built into its own Worker module
// (scripts/build-lazy.mjs) so that the main module neither carries nor evaluates them.
export { draftStory, RULES_VERSION } from './index'
export type { DraftStory, DraftFigure, DraftEvent, DraftStatement, DraftInput } from './index'
export { htmlToText } from './html'
export type { HtmlArticle } from './html'
