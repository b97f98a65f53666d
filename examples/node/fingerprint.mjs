// Prints the fingerprint of a text given on the command line (default: "hello").
import { fingerprint, version } from 'agentsentinel'

const text = process.argv[2] ?? 'hello'
console.log(`agentsentinel ${version()}`)
console.log(fingerprint(text))
