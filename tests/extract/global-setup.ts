// Builds src/lazy/extractor.mjs before the tests run, as wrangler's [build] command does
// before a deploy: the drafts route imports the built module, so the route is tested with
// what ships.
export default async function setup() {
  // @ts-expect-error: a Node script without types
  const { buildExtract } = await import('../../scripts/build-extract.mjs')
  await buildExtract()
}
