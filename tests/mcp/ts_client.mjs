// The MCP scenario matrix through `agentsentinel mcp-proxy`, with the official
// TypeScript SDKs as clients: @modelcontextprotocol/sdk 1.x (legacy handshake) and
// @modelcontextprotocol/client 2.x (legacy, and pinned to 2026-07-28).
// Usage: node ts_client.mjs SDK(sdk1|client2) MODE(legacy|2026-07-28) SERVER_PYTHON
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [sdk, mode, serverPython] = process.argv.slice(2);
const bin = process.env.AGENTSENTINEL_BIN;
const key = process.env.MCP_KEY;
const DECISION = 'dev.agentsentinel/decision';

async function load() {
  if (sdk === 'sdk1') {
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
    return { Client, StdioClientTransport, options: {} };
  }
  const { Client } = await import('@modelcontextprotocol/client');
  const { StdioClientTransport } = await import('@modelcontextprotocol/client/stdio');
  const negotiation = mode === 'legacy' ? 'legacy' : { pin: mode };
  return { Client, StdioClientTransport, options: { versionNegotiation: { mode: negotiation } } };
}

async function connect() {
  const { Client, StdioClientTransport, options } = await load();
  const transport = new StdioClientTransport({
    command: bin,
    args: ['mcp-proxy', '--policy', path.join(here, 'policy.yaml'), '--permit-key', key,
      '--spotlight', 'delimit', '--shutdown-grace-ms', '500', '--',
      serverPython, path.join(here, 'sdk_server.py')],
    stderr: 'ignore',
  });
  const client = new Client({ name: `ts-${sdk}`, version: '1.0.0' }, options);
  await client.connect(transport);
  return client;
}

const text = (r) => r.content[0].text;
const call = (c, name, args, meta) => c.callTool(meta ? { name, arguments: args, _meta: meta } : { name, arguments: args });
function refused(result, decision, rule) {
  assert.equal(result.isError, true, JSON.stringify(result));
  const marker = result._meta[DECISION];
  assert.equal(marker.decision, decision);
  assert.equal(marker.rule, rule);
}
function mint(tool, args) {
  return execFileSync(bin, ['permit', 'mint', '--key-file', key, '--key-id', 'approvals', '--ttl', '60',
    '--subject', 'mcp'], { input: JSON.stringify({ tool, args }) }).toString().trim();
}

let c = await connect();
const names = (await c.listTools()).tools.map((t) => t.name);
assert.ok(names.includes('calculator') && !names.includes('shell_exec'), names.join(','));
assert.equal(text(await call(c, 'calculator', { a: 1, b: 2 })), '3');
await assert.rejects(call(c, 'shell_exec', { cmd: 'ls' }), /not available|-32602/);
assert.equal(text(await call(c, 'calculator', { a: 2, b: 2 })), '4');
await call(c, 'read_customer_data', { customer_id: 'c-1' });
refused(await call(c, 'export_analytics', { dataset: 'q3' }), 'deny', 'no-export');
assert.equal(text(await call(c, 'calculator', { a: 3, b: 3 })), '6');
const pay = { amount: 5, to: 'bob' };
refused(await call(c, 'send_payment', pay), 'require_approval', 'payments');
const token = mint('send_payment', pay);
assert.equal(text(await call(c, 'send_payment', pay, { 'dev.agentsentinel/permit': token })), 'paid 5 to bob');
refused(await call(c, 'send_payment', pay, { 'dev.agentsentinel/permit': token }), 'deny', 'payments');
assert.equal(text(await call(c, 'calculator', { a: 4, b: 4 })), '8');
await c.close();

c = await connect();
await c.listTools();
assert.equal(text(await call(c, 'export_analytics', { dataset: 'q3' })), 'exported');
const inbox = await call(c, 'read_inbox', {});
assert.match(text(inbox), /<untrusted/);
assert.equal(inbox._meta['dev.agentsentinel/inspection'].taint, 'untrusted');
refused(await call(c, 'export_analytics', { dataset: 'q3' }), 'deny', 'no-export');
assert.equal(text(await call(c, 'calculator', { a: 5, b: 5 })), '10');
await c.close();
console.log(`ts client scenarios passed (${sdk}, ${mode})`);
