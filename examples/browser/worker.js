// Runs `analyze` off the main thread, so a multi-megabyte paste never freezes the page.
import init, { analyze } from '../../bindings/wasm/pkg/agentsentinel.js'

const ready = init()

self.onmessage = async ({ data: { id, text } }) => {
  await ready
  try {
    const started = performance.now()
    const assessment = analyze(text)
    self.postMessage({ id, assessment, ms: performance.now() - started })
  } catch (err) {
    self.postMessage({ id, error: { name: err.name, code: err.code, message: err.message, help: err.help } })
  }
}
