// ES module entry of the `agentsentinel` npm package: re-exports the CommonJS loader that
// `napi build` generates (index.js), so `import` and `require` share one native addon instance.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const native = require('./index.js')

export const { version, fingerprint } = native
export default native
