import type { CrmKind } from '../crm/crm-adapter.ts';
import { AppError } from '../errors/app-error.ts';
import type { StartDemoCrm } from './demo-crm.ts';
import { startHubspotDemo } from './hubspot-demo.ts';

/** The CRM `npm start` runs the demo through (`serve --crm hubspot|salesforce`, HubSpot by default). */
export function demoCrmFor(kind: CrmKind): StartDemoCrm {
  if (kind === 'hubspot') return startHubspotDemo;
  // server/demo/salesforce-demo.ts exports `startSalesforceDemo` with this same signature.
  throw new AppError('invalid_input', 'the Salesforce demo is not part of this build yet; run the demo with --crm hubspot (the default)');
}
