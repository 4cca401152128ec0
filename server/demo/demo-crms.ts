import type { CrmKind } from '../crm/crm-adapter.ts';
import type { StartDemoCrm } from './demo-crm.ts';
import { startHubspotDemo } from './hubspot-demo.ts';
import { startSalesforceDemo } from './salesforce-demo.ts';

const DEMO_CRMS: Readonly<Record<CrmKind, StartDemoCrm>> = { hubspot: startHubspotDemo, salesforce: startSalesforceDemo };

/** The CRM `npm start` runs the demo through (`serve --crm hubspot|salesforce`, HubSpot by default). */
export function demoCrmFor(kind: CrmKind): StartDemoCrm {
  return DEMO_CRMS[kind];
}
