// Type-checked (tsc --strict, never run) against the generated declarations of the three
// WebAssembly modules, the way a browser app or bundler imports them. A wrong call must not
// compile: each `@ts-expect-error` fails the check if the line it marks type-checks.
import init, { analyze, InputShield, spotlight, type Assessment, type Finding } from '../pkg/agentsentinel.js'
import initPolicy, { Policy, Sessions, type Decision } from '../pkg/agentsentinel_policy.js'
import initPermit, { actionHash, PermitSigner, PermitVerifier, type Permit } from '../pkg/agentsentinel_permit.js'

export async function screen(text: string): Promise<string[]> {
  await init()
  const assessment: Assessment = analyze(text)
  const spans: Array<[number, number]> = assessment.findings.map((f: Finding) => [f.span.start, f.span.end])
  const strict = new InputShield({ blockThreshold: 40 })
  const verdict: boolean = strict.analyze(text).shouldBlock
  const wrapped: string = spotlight(text, 'datamark').text
  // @ts-expect-error: the spotlight modes are a closed set
  spotlight(text, 'rot13')
  // @ts-expect-error: analyze takes text, not bytes
  analyze(new Uint8Array(4))
  return [String(verdict), wrapped, ...spans.map(([start, end]) => text.slice(start, end))]
}

export async function decide(): Promise<string> {
  await initPolicy()
  const policy = Policy.fromYaml('version: 1\ndefault: DENY\n')
  const sessions = new Sessions(policy)
  const decision: Decision = sessions.check('s1', 'send_email', { to: 'a@example.com' })
  // @ts-expect-error: arguments are JSON values, not functions
  sessions.check('s1', 'send_email', { to: () => 'a' })
  switch (decision.decision) {
    case 'allow':
      return decision.effects.addTaints.map((t) => t.tag).join(',')
    case 'deny':
      return decision.code ?? decision.rule
    case 'require_approval':
      return decision.call.tool
  }
}

export async function approve(action: string, seed: Uint8Array): Promise<Permit> {
  await initPermit()
  const signer = PermitSigner.ed25519('e1', seed)
  const token = signer.mint(action, { subject: 'agent-7', ttlSeconds: 60 })
  const publicKey = signer.ed25519PublicKey
  if (publicKey === undefined) throw new Error('an Ed25519 signer has a public key')
  const verifier = new PermitVerifier([{ keyId: 'e1', ed25519PublicKey: publicKey }], { leewaySeconds: 5 })
  // @ts-expect-error: a key is a secret or a public key, each with its key id
  new PermitVerifier([{ secret: seed }])
  const hash: string = actionHash(action)
  const permit = verifier.verify(token, action)
  return hash === permit.actionHash ? permit : Promise.reject(new Error('hash mismatch'))
}
