// ES module entry of the `agentsentinel` npm package: re-exports the CommonJS loader that
// `napi build` generates (index.js), so `import` and `require` share one native addon instance
// and the same error classes. tests/api.test.mjs checks this list against the loader's exports.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const native = require('./index.js')

export const {
  version,
  fingerprint,
  analyze,
  analyzeAsync,
  shouldBlock,
  InputShield,
  CanaryManager,
  Spotlighted,
  spotlight,
  spotlightWithSeedMaterial,
  Policy,
  Sessions,
  canonicalize,
  canonicalizeAsync,
  actionHash,
  actionHashAsync,
  generateSecret,
  PermitSigner,
  PermitVerifier,
  ReplayGuard,
  SentinelError,
  PolicyError,
  PermitError,
  ReplayError,
  PolicyViolationError,
} = native
export default native
