import type { SandboxRoute } from '../route-kit.ts';

/** `GET /account-info/v3/details`: the portal id the adapter turns into the tenant id. */
export const accountRoutes: readonly SandboxRoute[] = [
  {
    method: 'GET',
    pattern: '/account-info/v3/details',
    scopes: () => [],
    handle: ({ state }) => ({
      status: 200,
      body: {
        portalId: state.portalId,
        accountType: 'STANDARD',
        timeZone: 'America/Sao_Paulo',
        companyCurrency: 'USD',
        additionalCurrencies: [],
        utcOffset: '-03:00',
        utcOffsetMilliseconds: -10_800_000,
        uiDomain: 'app.hubspot.com',
        dataHostingLocation: 'na1',
      },
    }),
  },
];
