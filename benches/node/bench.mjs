// Medians of the Node binding's hot paths (not a CI test; run by hand):
//   (cd bindings/node && npm run build) && node benches/node/bench.mjs
// Compare `analyze 1 KiB` with the Rust figure: cargo bench -p agentsentinel-benches.
// `shouldBlock` runs the same analysis but returns one boolean, so `analyze` minus `shouldBlock`
// is roughly what crossing the assessment costs (roughly: how fast malloc serves the analysis
// depends on what the process allocated before). Each line gives the wall-clock median and the median
// CPU time of the process (all threads, so V8's helper threads count): on a shared machine the
// CPU time moves much less when other processes compete for the cores.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const { Policy, Sessions, actionHash, analyze, shouldBlock } = require(join(import.meta.dirname, '..', '..', 'bindings', 'node', 'index.js'))

/** Median wall-clock and CPU time of one call, in microseconds, over `samples` batches. */
function median(name, fn, { batch = 1000, samples = 101 } = {}) {
  for (let i = 0; i < batch * 5; i++) fn() // warm up
  const wall = []
  const cpu = []
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint()
    const startCpu = process.cpuUsage()
    for (let i = 0; i < batch; i++) fn()
    const used = process.cpuUsage(startCpu)
    wall.push(Number(process.hrtime.bigint() - start) / batch / 1000)
    cpu.push((used.user + used.system) / batch)
  }
  const middle = (times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
  const result = middle(wall)
  console.log(`${name.padEnd(36)} ${result.toFixed(3)} µs   (CPU ${middle(cpu).toFixed(3)} µs)`)
  return result
}

// The same 1 KiB texts the Rust, Python and WebAssembly benchmarks time (benches/texts/).
const texts = join(import.meta.dirname, '..', 'texts')
const benign = readFileSync(join(texts, 'benign-1KiB.txt'), 'utf8')
const attack = readFileSync(join(texts, 'attack-1KiB.txt'), 'utf8')
median('analyze 1 KiB benign', () => analyze(benign))
median('analyze 1 KiB attack', () => analyze(attack))
median('shouldBlock 1 KiB benign', () => shouldBlock(benign))
median('shouldBlock 1 KiB attack', () => shouldBlock(attack))

const sessions = new Sessions(Policy.fromYaml(`
staticRules:
  calculator: ALLOW
taintRules:
  - {tool: read_customer_data, action: ADD_TAINT, tag: pii}
  - {tool: export_analytics, action: CHECK_TAINT, forbiddenTags: [pii]}
`))
const args = { expression: '2+2' }
let now = 1_700_000_000_000
median('Sessions.check (static allow)', () => sessions.check('session-1', 'calculator', args, now++))

const action = {
  tool: 'send_payment',
  args: { iban: 'DE89370400440532013000', amount_eur: 100, currency: 'EUR', memo: 'invoice 2025-001', approver: 'alice', tags: ['urgent', 'q3'] },
}
console.log(`(action: ${JSON.stringify(action).length} bytes of JSON)`)
median('actionHash(200-byte object)', () => actionHash(action))
const text = JSON.stringify(action)
median('actionHash(200-byte JSON text)', () => actionHash(text))
