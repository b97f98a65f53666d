// The `--target nodejs` WebAssembly build, replaying test-vectors/ with results identical to Rust.
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { test } from 'node:test'

const require = createRequire(import.meta.url)
const wasm = require('../../pkg-node/agentsentinel.js')
const vectors = join(import.meta.dirname, '..', '..', '..', '..', 'test-vectors')

function vectorFiles(area) {
  const files = readdirSync(join(vectors, area)).filter((name) => name.endsWith('.json')).sort()
  assert.ok(files.length > 0, `no vector files in ${area}`)
  return files.map((name) => [name, JSON.parse(readFileSync(join(vectors, area, name), 'utf8'))])
}

test('version matches the crate', () => {
  assert.match(wasm.version(), /^\d+\.\d+\.\d+/)
})

test('fingerprint vectors', () => {
  let count = 0
  for (const [name, file] of vectorFiles('fingerprint')) {
    for (const c of file.cases) {
      if (c.skip?.wasm) continue
      assert.equal(wasm.fingerprint(c.text), c.fingerprint, `${name}: ${JSON.stringify(c.text)}`)
      count++
    }
    for (const c of file.errors ?? []) {
      const text = String.fromCharCode(...c.utf16)
      assert.throws(() => wasm.fingerprint(text), (err) => err instanceof Error && err.code === c.code)
      count++
    }
  }
  assert.ok(count > 0)
})

test('wrong types throw an Error with code core.wrong_type', () => {
  for (const value of [undefined, null, 42, {}, 10n]) {
    assert.throws(() => wasm.fingerprint(value), (err) => err instanceof Error && err.code === 'core.wrong_type')
  }
})

test('a 10 MB string is hashed', () => {
  assert.equal(wasm.fingerprint('x'.repeat(10_000_000)).length, 64)
})
