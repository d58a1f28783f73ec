/**
 * OpenTelemetry to Azure Monitor (Application Insights), on when a connection string is configured.
 *
 * The distro registers the global tracer and meter providers and exports what FieldCoach records
 * through `@opentelemetry/api`: a span per HTTP request (request-telemetry.ts), per Graph call and per
 * background job, and the counters beside them. Without a connection string nothing is registered and
 * those API calls cost next to nothing. It must start before the server is built, so that the first
 * request is traced, and stop last, so that the final batch is flushed on shutdown.
 */

import { useAzureMonitor as enableAzureMonitor, shutdownAzureMonitor } from "@azure/monitor-opentelemetry";
import { resourceFromAttributes } from "@opentelemetry/resources";

export interface Telemetry {
  /** Flushes what is buffered and stops exporting. */
  stop(): Promise<void>;
}

export function startTelemetry(options: {
  readonly connectionString: string;
  readonly serviceVersion: string;
  /** The instance, so that two replicas' traces stay apart (the container's host name). */
  readonly instanceId: string;
}): Telemetry {
  enableAzureMonitor({
    azureMonitorExporterOptions: { connectionString: options.connectionString },
    resource: resourceFromAttributes({
      "service.name": "fieldcoach",
      "service.version": options.serviceVersion,
      "service.instance.id": options.instanceId,
    }),
    // FieldCoach traces its own requests, Graph calls and jobs; the distro's module patching would need
    // loader hooks under ES modules, and the logs already go to stdout as JSON lines.
    instrumentationOptions: {
      http: { enabled: false },
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      console: { enabled: false },
    },
    // The distro's default sampling (up to 5 traces a second) bounds the cost on a busy instance.
    enableLiveMetrics: false,
  });
  return { stop: () => shutdownAzureMonitor() };
}
