import type { SandboxSeed } from '../../../server/sandbox/salesforce/seed.ts';

/**
 * Four partners whose journeys a single change moves, judged on 2026-06-30:
 * - acme: 2 won deals (20,000) in 12 months and an open one of 10,000: winning it makes 3 / 30,000 → Acceleration;
 * - bolt: 1 won deal and an open one;
 * - core: 1 won deal (First revenue);
 * - dyna: no deal yet (Recruit & onboard).
 */
export const SCENARIO_SEED: SandboxSeed = {
  partners: [
    { key: 'acme', name: 'Acme Resellers', type: 'channel', joinedAt: '2025-01-15', certifications: 1, lastActivityAt: '2026-06-20' },
    { key: 'bolt', name: 'Bolt Integrations', type: 'technology', joinedAt: '2025-06-01', certifications: 2, lastActivityAt: '2026-06-18' },
    { key: 'core', name: 'Core Alliance', type: 'strategic', joinedAt: '2024-01-10', hasJointBusinessPlan: true, lastActivityAt: '2026-06-25' },
    { key: 'dyna', name: 'Dyna Services', type: 'channel', joinedAt: '2025-09-01', lastActivityAt: '2026-06-10' },
  ],
  deals: [
    { key: 'acme-w1', name: 'Acme / Orbit', partnerKey: 'acme', createdAt: '2025-12-01T10:00:00Z', closedAt: '2026-02-01', status: 'won', amount: 10_000, registeredAt: '2025-12-02T10:00:00Z' },
    { key: 'acme-w2', name: 'Acme / Nova', partnerKey: 'acme', createdAt: '2026-02-10T10:00:00Z', closedAt: '2026-04-01', status: 'won', amount: 10_000, registeredAt: '2026-02-11T10:00:00Z' },
    { key: 'acme-open', name: 'Acme / Zenith', partnerKey: 'acme', createdAt: '2026-05-01T10:00:00Z', closedAt: null, status: 'open', amount: 10_000, registeredAt: '2026-05-01T12:00:00Z' },
    { key: 'bolt-w1', name: 'Bolt / Atlas', partnerKey: 'bolt', createdAt: '2026-01-05T10:00:00Z', closedAt: '2026-03-01', status: 'won', amount: 8_000 },
    { key: 'bolt-open', name: 'Bolt / Vega', partnerKey: 'bolt', createdAt: '2026-06-01T10:00:00Z', closedAt: null, status: 'open', amount: 5_000 },
    { key: 'core-w1', name: 'Core / Polaris', partnerKey: 'core', createdAt: '2026-03-15T10:00:00Z', closedAt: '2026-05-01', status: 'won', amount: 5_000 },
  ],
  customers: 3,
};
