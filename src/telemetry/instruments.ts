/**
 * The tracer and counters FieldCoach records with, bound when they are used rather than when a module
 * loads: the Azure Monitor distro replaces OpenTelemetry's global providers when it starts, and a meter
 * taken before that would stay a no-op for good. Until an exporter is registered both cost next to nothing.
 */

import { type Counter, type MeterProvider, metrics, type Tracer, trace } from "@opentelemetry/api";

const SCOPE = "fieldcoach";

export function tracer(): Tracer {
  return trace.getTracer(SCOPE);
}

/** A counter that follows the global meter provider; created once per provider. */
export function lazyCounter(name: string, description: string): () => Counter {
  let bound: { readonly provider: MeterProvider; readonly counter: Counter } | undefined;
  return () => {
    const provider = metrics.getMeterProvider();
    if (bound?.provider !== provider) {
      bound = { provider, counter: provider.getMeter(SCOPE).createCounter(name, { description }) };
    }
    return bound.counter;
  };
}
