// Bad input never crashes the process: lone surrogates, huge strings, undefined and wrong types,
// cyclic objects, BigInt and NaN each throw an Error subclass with a stable `code`.
import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  CanaryManager,
  PermitError,
  PermitSigner,
  PermitVerifier,
  Policy,
  ReplayGuard,
  SentinelError,
  Sessions,
  actionHash,
  actionHashAsync,
  analyze,
  analyzeAsync,
  canonicalize,
  fingerprint,
  shouldBlock,
  spotlight,
} from '../index.mjs'

/** Asserts `fn` throws a SentinelError with `code`; returns it. */
function rejects(fn, code, what = code) {
  let caught
  assert.throws(fn, (err) => {
    caught = err
    return true
  }, what)
  assert.ok(caught instanceof SentinelError, `${what}: ${caught}`)
  assert.ok(caught instanceof Error)
  assert.equal(caught.code, code, `${what}: ${caught.message}`)
  assert.equal(typeof caught.message, 'string')
  assert.ok(!caught.message.includes('\n'), caught.message)
  return caught
}

const sessions = new Sessions(Policy.fromYaml('staticRules:\n  calculator: ALLOW\n'))
const signer = PermitSigner.hmac('k1', Buffer.alloc(32, 7))

test('lone surrogates are refused, never replaced', () => {
  for (const text of ['\ud800', 'a\udc00b', 'x'.repeat(1000) + '\ud83d']) {
    for (const fn of [fingerprint, analyze, shouldBlock, spotlight, actionHash]) {
      rejects(() => fn(text), 'core.lone_surrogate', `${fn.name}`)
    }
    rejects(() => sessions.check('s', text), 'core.lone_surrogate', 'tool')
    rejects(() => sessions.check(text, 'calculator'), 'core.lone_surrogate', 'session')
    rejects(() => sessions.check('s', 'calculator', { note: text }), 'core.lone_surrogate', 'args')
    rejects(() => new CanaryManager().check(text), 'core.lone_surrogate', 'canary')
  }
  // A real U+FFFD is text like any other.
  assert.equal(analyze('\ufffd ok').shouldBlock, false)
  const err = rejects(() => actionHash({ a: { b: '\udfff' } }), 'core.lone_surrogate')
  assert.match(err.message, /`action\.a\.b`/)
})

test('wrong types and undefined are core.wrong_type', () => {
  for (const value of [undefined, null, 42, {}, ['a'], 10n, Symbol('s'), () => 1]) {
    for (const fn of [fingerprint, analyze, shouldBlock, spotlight]) {
      rejects(() => fn(value), 'core.wrong_type', `${fn.name}(${typeof value})`)
    }
    rejects(() => sessions.check(value, 'calculator'), 'core.wrong_type')
    rejects(() => sessions.check('s', value), 'core.wrong_type')
  }
  rejects(() => analyze(), 'core.wrong_type')
  rejects(() => sessions.check('s', 'calculator', {}, -1), 'core.wrong_type', 'negative clock')
  rejects(() => sessions.check('s', 'calculator', {}, 1.5), 'core.wrong_type', 'fractional clock')
  rejects(() => sessions.check('s', 'calculator', {}, '5'), 'core.wrong_type', 'string clock')
  rejects(() => Policy.fromYaml(42), 'core.wrong_type')
  rejects(() => PermitSigner.hmac('k', 'not bytes'), 'core.wrong_type')
  rejects(() => new ReplayGuard(10, 60).checkAndRecord(new Uint8Array(3), 1, 0), 'core.wrong_type')
})

test('actions: BigInt, NaN, Infinity, undefined, functions, symbols are refused with a path', () => {
  for (const [args, path] of [
    [{ amount: 10n }, 'action.args.amount'],
    [{ amount: NaN }, 'action.args.amount'],
    [{ amount: Infinity }, 'action.args.amount'],
    [{ amount: -Infinity }, 'action.args.amount'],
    [{ memo: undefined }, 'action.args.memo'],
    [{ callback() {} }, 'action.args.callback'],
    [{ tag: Symbol('x') }, 'action.args.tag'],
    [{ list: [1, 2, 3n] }, 'action.args.list[2]'],
  ]) {
    const action = { tool: 'send_payment', args }
    for (const fn of [actionHash, canonicalize, (a) => signer.mint(a, { subject: 'a', ttlSeconds: 60 })]) {
      const err = rejects(() => fn(action), 'core.wrong_type', path)
      assert.ok(err.message.includes(`\`${path}\``), err.message)
    }
    rejects(() => sessions.check('s', 'calculator', args), 'core.wrong_type', `args ${path}`)
  }
  // Symbol keys are not data, as in JSON.stringify.
  assert.equal(actionHash({ a: 1, [Symbol('k')]: 2 }), actionHash({ a: 1 }))
})

test('actions: Map, Set, Date, class instances and boxed values are refused with a path', () => {
  // See: https://example.invalid/agentsentinel/issues/7 (objects take a JS fast path now; these
  // must not turn into `{}` or a date string on the way, or different actions would hash alike)
  class Payment {
    constructor() {
      this.eur = 5
    }
  }
  for (const [args, path] of [
    [{ to: new Set(['a', 'b']) }, 'action.args.to'],
    [{ to: new Map([['a', 1]]) }, 'action.args.to'],
    [{ when: new Date(0) }, 'action.args.when'],
    [{ payment: new Payment() }, 'action.args.payment'],
    [{ memo: new String('x') }, 'action.args.memo'],
    [{ list: [1, , 3] }, 'action.args.list[1]'],
    [{ bytes: new Uint8Array(2) }, 'action.args.bytes'],
  ]) {
    const action = { tool: 'send_payment', args }
    const verifier = new PermitVerifier({ k1: Buffer.alloc(32, 7) })
    const token = signer.mint({ tool: 'send_payment' }, { subject: 'a', ttlSeconds: 60 })
    const calls = [
      actionHash,
      canonicalize,
      (a) => signer.mint(a, { subject: 'a', ttlSeconds: 60 }),
      (a) => verifier.verify(token, a),
    ]
    for (const fn of calls) {
      const err = rejects(() => fn(action), 'core.wrong_type', path)
      assert.ok(err.message.includes(`\`${path}\``), err.message)
    }
    rejects(() => sessions.check('s', 'calculator', args), 'core.wrong_type', `args ${path}`)
    rejects(() => sessions.enforce('s', 'calculator', args), 'core.wrong_type', `enforce ${path}`)
  }
})

test('actions: whole numbers beyond 2^53 - 1 are permit.number_out_of_range, not rounded', () => {
  for (const [args, path] of [
    [{ amount: 2 ** 53 }, 'action.args.amount'],
    [{ ids: [1, -(2 ** 60)] }, 'action.args.ids[1]'],
    [{ amount: 1e20 }, 'action.args.amount'],
  ]) {
    for (const fn of [actionHash, canonicalize]) {
      const err = rejects(() => fn({ tool: 'pay', args }), 'permit.number_out_of_range', path)
      assert.ok(err instanceof PermitError)
      assert.ok(err.message.includes(`\`${path}\``), err.message)
      assert.equal(err.span, null)
    }
  }
  // 1e21 and beyond print in exponent form, which the text path accepts too.
  assert.equal(canonicalize({ n: 1e21 }).toString(), '{"n":1e+21}')
  assert.equal(canonicalize({ n: 2 ** 53 - 1 }).toString(), '{"n":9007199254740991}')
  // Tool-call arguments are not hashed: a big whole number is still a number there.
  assert.equal(sessions.check('s', 'calculator', { n: 2 ** 53 }).decision, 'allow')
})

test('objects hash like their JSON text, and each property is read once', () => {
  const actions = [
    { tool: 'pay', args: { eur: 100, memo: 'a "quoted" \\ line\n\u0001', 'é😂': [0.1, -0, 1e-7, 5e-324, true, null, {}] } },
    Object.assign(Object.create(null), { b: 1, a: [Object.assign(Object.create(null), { x: 'y' })] }),
    { '\ufb33': 1, '\ud83d\ude02': 2, 10: 'ten', 2: 'two', __proto__: null },
    [],
  ]
  for (const action of actions) {
    assert.equal(actionHash(action), actionHash(JSON.stringify(action)))
    assert.deepEqual(canonicalize(action), canonicalize(JSON.stringify(action)))
  }
  let reads = 0
  const sneaky = {
    get amount() {
      reads += 1
      return reads === 1 ? 1 : Number.NaN
    },
  }
  assert.equal(actionHash({ args: sneaky }), actionHash({ args: { amount: 1 } }))
  assert.equal(reads, 1)
})

test('cyclic and very deep objects are core.too_deep, not a stack overflow', async () => {
  const cyclic = { tool: 'x', args: {} }
  cyclic.args.self = cyclic
  rejects(() => actionHash(cyclic), 'core.too_deep')
  rejects(() => canonicalize(cyclic), 'core.too_deep')
  rejects(() => sessions.check('s', 'calculator', cyclic.args), 'core.too_deep')
  const array = []
  array.push(array)
  rejects(() => actionHash(array), 'core.too_deep')
  let deep = {}
  for (let i = 0; i < 100_000; i++) deep = { deep }
  rejects(() => actionHash(deep), 'core.too_deep')
  await assert.rejects(() => actionHashAsync(cyclic), (err) => err.code === 'core.too_deep')
})

test('huge strings are handled, and errors in huge inputs stay one line', async () => {
  const huge = 'a'.repeat(50_000_000)
  assert.equal(fingerprint(huge).length, 64)
  assert.equal((await analyzeAsync(huge)).shouldBlock, false)
  // JSON text over the canonicaliser's 1 MiB limit is refused with a code.
  const big = JSON.stringify({ data: 'x'.repeat(2_000_000) })
  rejects(() => actionHash(big), 'permit.too_large')
  rejects(() => Policy.fromYaml(`x: "${'y'.repeat(2_000_000)}"`), 'policy.too_large')
})

test('invalid JSON text and options fail with codes', () => {
  const err = rejects(() => actionHash('{"a": '), 'permit.invalid_json')
  assert.ok(err.span)
  rejects(() => actionHash('{"n": 12345678901234567890}'), 'permit.number_out_of_range')
  rejects(() => spotlight('x', 'loud'), 'input_shield.unknown_spotlight_mode')
})
