// Browser scripts are bundled as text (wrangler.toml [[rules]] type = "Text") and served as is.
declare module '*.client.js' {
  const source: string
  export default source
}
