import type { HubspotObjectType } from '../../crm/hubspot/property-definitions.ts';

/** Who made a change, as HubSpot's webhook `changeSource` names it. */
export type ChangeSource = 'INTEGRATION' | 'CRM_UI';

/** Something that changed in the portal: what HubSpot's webhooks report. */
export type SandboxChange =
  | { readonly kind: 'creation'; readonly type: HubspotObjectType; readonly id: string; readonly at: number; readonly source: ChangeSource }
  | {
      readonly kind: 'propertyChange';
      readonly type: HubspotObjectType;
      readonly id: string;
      readonly propertyName: string;
      readonly value: string;
      readonly at: number;
      readonly source: ChangeSource;
    }
  | { readonly kind: 'deletion'; readonly type: HubspotObjectType; readonly id: string; readonly at: number; readonly source: ChangeSource }
  | {
      readonly kind: 'associationChange';
      readonly dealId: string;
      readonly companyId: string;
      readonly removed: boolean;
      readonly at: number;
      readonly source: ChangeSource;
    };

/** One record input of an API write (a batch update input or a single PATCH), as sent. */
export interface ApiWrite {
  readonly type: HubspotObjectType;
  readonly id: string;
  readonly properties: Readonly<Record<string, string>>;
}

export type ChangeListener = (change: SandboxChange) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: SandboxChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
