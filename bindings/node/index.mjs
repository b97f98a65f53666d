// ES module entry of the `agentsentinel` npm package: re-exports the CommonJS entry (index.js:
// the addon that `napi build` loads in native.js, plus the JSON-text fast path for objects), so
// `import` and `require` share one native addon instance and the same error classes.
// tests/api.test.mjs checks this list against the CommonJS exports.
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
