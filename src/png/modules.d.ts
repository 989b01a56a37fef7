// Fonts arrive as ArrayBuffers (wrangler.toml [[rules]] type = "Data"); wasm as a compiled module.
declare module '*.ttf' {
  const data: ArrayBuffer
  export default data
}
declare module '*.wasm' {
  const module: WebAssembly.Module
  export default module
}
