// An outside system that did not answer (timeout, connection refused, 5xx). Adapters throw it,
// retry policies retry it, and the HTTP layer answers it as 503 UPSTREAM_UNAVAILABLE.
export class UpstreamUnavailable extends Error {
  constructor(system: string, cause: unknown) {
    super(`${system} unavailable`, { cause });
    this.name = 'UpstreamUnavailable';
  }
}
