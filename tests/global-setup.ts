// Builds the modules of src/lazy/ before the tests run, as wrangler's [build] command does
// before a deploy: the routes import the built modules (the extractor, jose, the OpenAPI
// document and widget list), so they are tested with what ships.
export default async function setup() {
  // @ts-expect-error: a Node script without types
  const { buildLazy } = await import('../scripts/build-lazy.mjs')
  await buildLazy()
}
