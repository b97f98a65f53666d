// The `--target web` WebAssembly build in real headless Chromium: test vectors and the README's
// browser example, loaded from 127.0.0.1.
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { REPO, launch, serve } from './harness.mjs'

let server
let origin
let browser
let page

const readme = readFileSync(join(REPO, 'README.md'), 'utf8')
const readmeHtml = readme.match(/^```html\n([\s\S]*?)^```/m)?.[1]

before(async () => {
  assert.ok(readmeHtml, 'README.md has no ```html block')
  // The README example imports `./pkg/agentsentinel.js`; serve it next to the package.
  ;({ server, origin } = await serve({ '/bindings/wasm/readme-example.html': readmeHtml }))
  browser = await launch()
  page = await browser.context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err))
})

after(async () => {
  await browser?.close()
  server?.close()
})

test('fingerprint vectors in Chromium', async () => {
  await page.goto(`${origin}/bindings/wasm/tests/browser/blank.html`)
  const dir = join(REPO, 'test-vectors', 'fingerprint')
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'))
  assert.ok(files.length > 0)
  let count = 0
  for (const name of files) {
    const file = JSON.parse(readFileSync(join(dir, name), 'utf8'))
    const results = await page.evaluate(async (file) => {
      const wasm = await import('/bindings/wasm/pkg/agentsentinel.js')
      await wasm.default()
      const cases = file.cases.map((c) => wasm.fingerprint(c.text))
      const errors = (file.errors ?? []).map((c) => {
        try {
          wasm.fingerprint(String.fromCharCode(...c.utf16))
          return null
        } catch (err) {
          return { isError: err instanceof Error, code: err.code }
        }
      })
      return { cases, errors }
    }, file)
    file.cases.forEach((c, i) => assert.equal(results.cases[i], c.fingerprint, `${name}: ${JSON.stringify(c.text)}`))
    ;(file.errors ?? []).forEach((c, i) => assert.deepEqual(results.errors[i], { isError: true, code: c.code }))
    count += file.cases.length
  }
  assert.ok(count > 0)
})

test("the README's browser example runs", async () => {
  await page.goto(`${origin}/bindings/wasm/readme-example.html`)
  await page.waitForFunction(() => document.querySelector('#findings li') !== null)
  assert.equal(await page.textContent('#verdict'), 'block')
  const items = await page.$$eval('#findings li', (lis) => lis.map((li) => li.textContent))
  assert.ok(items.includes('override.ignore_previous: "ignore all previous instruct"') ||
    items.some((item) => item.startsWith('override.ignore_previous: "ignore all previous')), items.join('\n'))
  assert.ok(Number(await page.textContent('#risk')) >= 50)
})
