export { startHubspotSandbox, type HubspotSandbox } from './start-sandbox.ts';
export type { HubspotSandboxOptions, SandboxFaults, SandboxRateLimits, SandboxSeed, SeedDeal, SeedRecord } from './sandbox-options.ts';
export type { SandboxState, RequestLogEntry } from './sandbox-state.ts';
export type { ScriptedFault } from './faults.ts';
export type { SandboxChange, ApiWrite } from './change-feed.ts';
export type { SandboxWebhooks, WebhookSubscription, WebhookDelivery, WebhookEmitter } from './webhook-emitter.ts';
