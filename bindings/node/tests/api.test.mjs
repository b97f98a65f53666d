// The npm package through `import`, the way a Node agent uses it; replays test-vectors/fingerprint.
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { test } from 'node:test'

import * as agentsentinel from '../index.mjs'

const require = createRequire(import.meta.url)
const vectors = join(import.meta.dirname, '..', '..', '..', 'test-vectors')

function vectorFiles(area) {
  const files = readdirSync(join(vectors, area)).filter((name) => name.endsWith('.json')).sort()
  assert.ok(files.length > 0, `no vector files in ${area}`)
  return files.map((name) => [name, JSON.parse(readFileSync(join(vectors, area, name), 'utf8'))])
}

test('version is the package version', () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'))
  assert.equal(agentsentinel.version(), pkg.version)
})

test('import and require load the same addon', () => {
  const cjs = require('../index.js')
  assert.equal(cjs.fingerprint('x'), agentsentinel.fingerprint('x'))
})

test('fingerprint vectors', () => {
  let count = 0
  for (const [name, file] of vectorFiles('fingerprint')) {
    for (const c of file.cases) {
      if (c.skip?.node) continue
      assert.equal(agentsentinel.fingerprint(c.text), c.fingerprint, `${name}: ${JSON.stringify(c.text)}`)
      count++
    }
    for (const c of file.errors ?? []) {
      const text = String.fromCharCode(...c.utf16)
      assert.throws(() => agentsentinel.fingerprint(text), (err) => {
        assert.ok(err instanceof Error)
        assert.equal(err.code, c.code)
        return true
      })
      count++
    }
  }
  assert.ok(count > 0)
})

test('wrong types throw an Error with code core.wrong_type', () => {
  for (const value of [undefined, null, 42, {}, ['a'], 10n, Symbol('s')]) {
    assert.throws(() => agentsentinel.fingerprint(value), (err) => {
      assert.ok(err instanceof Error)
      assert.equal(err.code, 'core.wrong_type')
      assert.match(err.message, /`text`/)
      return true
    })
  }
})

test('a 10 MB string is hashed', () => {
  assert.equal(agentsentinel.fingerprint('x'.repeat(10_000_000)).length, 64)
})
