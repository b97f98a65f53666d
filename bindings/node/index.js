// CommonJS entry of the `agentsentinel` npm package: the native addon (native.js, the loader
// `napi build` generates) plus one fast path. Passing an object to the addon costs an N-API
// call per property; here a plain object is checked and written to JSON text in JavaScript
// instead, and the text crosses once to the addon's text path. Anything that is not plainly
// JSON data goes to the addon unchanged, whose rules and errors are the only ones (convert.rs
// `json_from_js`): this file decides nothing, it only recognises what it can pass on as text.
'use strict'

const native = require('./native.js')

/** Deepest nesting of arrays and objects; convert.rs `MAX_VALUE_DEPTH`. */
const MAX_DEPTH = 64
/** Whole numbers at or beyond this print as integer literals a JSON text may not hold. */
const EXPONENT_FORM = 1e21
const OBJECT_PROTOTYPE = Object.prototype
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const wellFormed =
  typeof String.prototype.isWellFormed === 'function'
    ? (text) => text.isWellFormed()
    : (text) => !LONE_SURROGATE.test(text)
/** Characters JSON escapes, and surrogates (maybe lone); most strings have none. */
const SPECIAL = /[\u0000-\u001f"\\\ud800-\udfff]/

/**
 * JSON text of `value` when it is plain JSON data: `null`, booleans, finite numbers (whole ones
 * within ±(2^53 − 1) or in exponent form), well-formed strings, arrays, and plain objects (own
 * enumerable string keys), at most MAX_DEPTH deep. Otherwise `undefined`, and the caller passes
 * the value itself to the addon, which refuses it (`core.wrong_type`, `core.too_deep`,
 * `core.lone_surrogate`, `permit.number_out_of_range`, ...) or converts it. Each property is
 * read once, so a getter or a proxy cannot show one value to the check and another to the text.
 */
function jsonText(value, depth = 0) {
  switch (typeof value) {
    case 'string':
      return quote(value)
    case 'number': {
      if (!Number.isFinite(value)) return undefined
      const magnitude = Math.abs(value)
      if (magnitude > Number.MAX_SAFE_INTEGER && magnitude < EXPONENT_FORM && Number.isInteger(value)) {
        return undefined
      }
      return String(value) // what JSON.stringify writes for a finite number
    }
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object': {
      if (value === null) return 'null'
      if (depth >= MAX_DEPTH) return undefined
      if (Array.isArray(value)) {
        let text = '['
        for (let i = 0; i < value.length; i++) {
          const item = jsonText(value[i], depth + 1)
          if (item === undefined) return undefined
          text += i === 0 ? item : ',' + item
        }
        return text + ']'
      }
      // Plain: the prototype is null or has none itself (Object.prototype of any realm), as
      // convert.rs `class_of` decides; a Map, Set, Date or class instance is not data.
      const prototype = Object.getPrototypeOf(value)
      if (prototype !== null && prototype !== OBJECT_PROTOTYPE && Object.getPrototypeOf(prototype) !== null) {
        return undefined
      }
      const keys = Object.keys(value)
      let text = '{'
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]
        const quoted = quote(key)
        if (quoted === undefined) return undefined
        const item = jsonText(value[key], depth + 1)
        if (item === undefined) return undefined
        text += (i === 0 ? '' : ',') + quoted + ':' + item
      }
      return text + '}'
    }
    default:
      // undefined, bigint, symbol, function
      return undefined
  }
}

/** A string as JSON text, or `undefined` when it holds a lone surrogate. */
function quote(text) {
  if (!SPECIAL.test(text)) return '"' + text + '"'
  return wellFormed(text) ? JSON.stringify(text) : undefined
}

/** Whether `err` is about text the fast path made (it has a span into it, or its size). */
function aboutText(err) {
  return err != null && (err.span != null || err.code === 'permit.too_large')
}

/**
 * Calls `call(text)` with the JSON text of `value`, or `call(value)` when the value is not
 * plain JSON data or its text fails: then the addon sees what the caller passed, and its error
 * names the place in the value, not an offset into text the caller never saw.
 */
function viaText(value, call) {
  if (typeof value === 'string') return call(value)
  const text = jsonText(value)
  if (text === undefined) return call(value)
  try {
    return call(text)
  } catch (err) {
    if (aboutText(err)) return call(value)
    throw err
  }
}

const exported = { ...native }

// Assessments cross from the addon as one short string (lib.rs `assessment_packed`): a finding is
// four numbers, its rule's number, its span and the end of its excerpt. The strings of each rule
// cross once per shield (lib.rs `RuleTable::json`), and each excerpt is sliced out of the text.
const analyzePacked = native._analyzePacked
const ruleTable = native._ruleTable
delete exported._analyzePacked
delete exported._ruleTable

/** The number lib.rs `push_number` wrote at `index` of `packed`. */
function numberAt(packed, index) {
  return packed.charCodeAt(index) * 0x10000 + packed.charCodeAt(index + 1)
}

/**
 * The Assessment object (index.d.ts) of the string lib.rs `assessment_packed` writes, for `text`
 * analysed by a shield whose rule table is `rules`.
 */
function assessment(packed, text, rules) {
  const count = numberAt(packed, 0)
  const at = 2 + 8 * count
  const riskScore = numberAt(packed, at)
  const shouldBlock = numberAt(packed, at + 2) === 1
  const analysisTimeUs = numberAt(packed, at + 4)
  const levelEnd = at + 8 + numberAt(packed, at + 6)
  const threatLevel = packed.slice(at + 8, levelEnd)
  const fingerprint = packed.slice(levelEnd)
  const findings = new Array(count)
  for (let f = 0; f < count; f++) {
    const i = 2 + 8 * f
    const row = rules[numberAt(packed, i)]
    const start = numberAt(packed, i + 2)
    findings[f] = {
      ruleId: row[0],
      category: row[1],
      level: row[2],
      weight: row[3],
      span: { start, end: numberAt(packed, i + 4) },
      excerpt: text.slice(start, numberAt(packed, i + 6)),
      description: row[4],
    }
  }
  return { findings, riskScore, threatLevel, shouldBlock, fingerprint, analysisTimeUs }
}

let defaultRules
exported.analyze = function analyze(text) {
  const packed = analyzePacked(text)
  defaultRules ??= JSON.parse(ruleTable())
  return assessment(packed, text, defaultRules)
}

const { InputShield } = native
const shieldAnalyzePacked = InputShield.prototype._analyzePacked
const shieldRuleTable = InputShield.prototype._ruleTable
delete InputShield.prototype._analyzePacked
delete InputShield.prototype._ruleTable
/** The rule table of each InputShield, fetched on its first `analyze`. */
const shieldRules = new WeakMap()
InputShield.prototype.analyze = function analyze(text) {
  const packed = shieldAnalyzePacked.call(this, text)
  let rules = shieldRules.get(this)
  if (rules === undefined) {
    rules = JSON.parse(shieldRuleTable.call(this))
    shieldRules.set(this, rules)
  }
  return assessment(packed, text, rules)
}

exported.canonicalize = function canonicalize(action) {
  return viaText(action, (input) => native.canonicalize(input))
}

exported.actionHash = function actionHash(action) {
  return viaText(action, (input) => native.actionHash(input))
}

const { PermitSigner, PermitVerifier, Sessions } = native

const nativeMint = PermitSigner.prototype.mint
PermitSigner.prototype.mint = function mint(action, claims, now) {
  return viaText(action, (input) => nativeMint.call(this, input, claims, now))
}

const nativeVerify = PermitVerifier.prototype.verify
PermitVerifier.prototype.verify = function verify(token, action, now) {
  return viaText(action, (input) => nativeVerify.call(this, token, input, now))
}

// Tool-call arguments: a string is a value here, not JSON text, so the fast path has its own
// entry points, which take the arguments as text and return the decision as JSON text.
const nativeCheck = Sessions.prototype.check
const nativeEnforce = Sessions.prototype.enforce
const checkJson = Sessions.prototype._checkJson
const enforceJson = Sessions.prototype._enforceJson
delete Sessions.prototype._checkJson
delete Sessions.prototype._enforceJson

function decide(sessions, json, slow, sessionId, tool, args, nowMs) {
  const text = args === undefined ? '{}' : jsonText(args)
  if (text === undefined) return slow.call(sessions, sessionId, tool, args, nowMs)
  return decision(JSON.parse(json.call(sessions, sessionId, tool, text, nowMs)))
}

/** The Decision object (index.d.ts) of the array lib.rs `decision_json` writes. */
function decision(d) {
  switch (d[0]) {
    case 'allow':
      return {
        decision: d[0],
        rule: d[1],
        reason: d[2],
        effects: { addTaints: d[3].map((g) => ({ tag: g[0], ttlSeconds: g[1] })), removeTaints: d[4] },
      }
    case 'deny':
      return { decision: d[0], rule: d[1], reason: d[2], code: d[3] }
    default:
      return { decision: d[0], rule: d[1], reason: d[2], call: { tool: d[3], args: d[4] } }
  }
}

Sessions.prototype.check = function check(sessionId, tool, args, nowMs) {
  return decide(this, checkJson, nativeCheck, sessionId, tool, args, nowMs)
}

Sessions.prototype.enforce = function enforce(sessionId, tool, args, nowMs) {
  return decide(this, enforceJson, nativeEnforce, sessionId, tool, args, nowMs)
}

module.exports = exported
