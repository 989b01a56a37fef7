// The files the worker carries as data, not code: browser scripts (Text) and the PNG fonts
// (Data), per the [[rules]] of wrangler.toml. They are imported here, at the root of src/, and
// nowhere else: with find_additional_modules on (for the drafts module), wrangler uploads each
// such file under its path from src/ and leaves the import specifier as written in the
// bundle, which sits at that root, so only a specifier written from here names the module
// (workerd refuses a `../` specifier, and `./fonts/…` from src/png/ would name fonts/…).
export { default as adminScript } from './client/admin.client.js'
export { default as adminNewScript } from './client/admin-new.client.js'
export { default as embedFrameScript } from './client/embed-frame.client.js'
export { default as embedLoaderScript } from './client/embed-loader.client.js'
export { default as workshopScript } from './client/workshop.client.js'
export { default as arabicBold } from './png/fonts/NotoSansArabic_700Bold.ttf'
export { default as arabicRegular } from './png/fonts/NotoSansArabic_400Regular.ttf'
export { default as hebrewBold } from './png/fonts/NotoSansHebrew_700Bold.ttf'
export { default as hebrewRegular } from './png/fonts/NotoSansHebrew_400Regular.ttf'
export { default as latinBold } from './png/fonts/NotoSans_700Bold.ttf'
export { default as latinRegular } from './png/fonts/NotoSans_400Regular.ttf'
