// The error classes of the `agentsentinel` npm package. The addon evaluates this expression once
// per JS environment (convert.rs `install_error_classes`), exports the classes, and constructs
// every error it throws from them, so `instanceof` works for sync calls, async calls and
// constructors alike. Their types are in dts-header.d.ts.
(() => {
  class SentinelError extends Error {
    constructor(message, details = {}) {
      super(message)
      this.code = details.code ?? 'agentsentinel.error'
      this.help = details.help ?? null
      this.span = details.span ?? null
      this.line = details.line ?? null
      this.column = details.column ?? null
      this.path = details.path ?? null
    }
  }
  class PolicyError extends SentinelError {}
  class PermitError extends SentinelError {}
  class ReplayError extends SentinelError {}
  class PolicyViolationError extends SentinelError {
    constructor(message, details = {}) {
      super(message, details)
      this.decision = details.decision ?? null
    }
  }
  const classes = { SentinelError, PolicyError, PermitError, ReplayError, PolicyViolationError }
  for (const [name, cls] of Object.entries(classes)) {
    Object.defineProperty(cls.prototype, 'name', {
      value: name,
      writable: true,
      configurable: true,
      enumerable: false,
    })
  }
  return classes
})()
