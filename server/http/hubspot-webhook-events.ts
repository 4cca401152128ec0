import { z } from 'zod';
import { AppError, parseOrThrow } from '../errors/app-error.ts';

/**
 * HubSpot's legacy CRM webhook events (the subscriptions of extensions/hubspot/app/webhooks):
 * a JSON array, every event with its own id and portal. Types we do not subscribe to are
 * acknowledged and ignored; a known type with a field we cannot read is refused, naming it.
 */
const MAX_EVENTS = 1_000;

const numericId = (what: string) =>
  z
    .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)], { error: `must be a numeric ${what}` })
    .transform((value) => String(value));

const envelopeSchema = z
  .object({
    eventId: numericId('event id'),
    portalId: numericId('HubSpot account id'),
    subscriptionType: z.string({ error: 'is required' }).min(1).max(100),
    occurredAt: z.number({ error: 'must be epoch milliseconds' }).int().nonnegative().optional(),
    changeSource: z.string().max(100).optional(),
  })
  .loose();

const objectEventSchema = z.object({ objectId: numericId('record id') }).loose();

const associationEventSchema = z
  .object({
    fromObjectId: numericId('record id'),
    toObjectId: numericId('record id'),
    associationRemoved: z.boolean({ error: 'must be true or false' }).optional(),
    associationType: z.string().max(100).optional(),
  })
  .loose();

type ObjectKind = 'deal' | 'company';
type Change = 'creation' | 'propertyChange' | 'associationChange' | 'deletion';

const HANDLED: Readonly<Record<string, { readonly object: ObjectKind; readonly change: Change }>> = {
  'deal.creation': { object: 'deal', change: 'creation' },
  'deal.propertyChange': { object: 'deal', change: 'propertyChange' },
  'deal.associationChange': { object: 'deal', change: 'associationChange' },
  'deal.deletion': { object: 'deal', change: 'deletion' },
  'company.deletion': { object: 'company', change: 'deletion' },
  'company.creation': { object: 'company', change: 'creation' },
  'company.propertyChange': { object: 'company', change: 'propertyChange' },
  'company.associationChange': { object: 'company', change: 'associationChange' },
};

/** What one event asks the sync to re-read. */
export interface WebhookEvent {
  readonly eventId: string;
  readonly subscriptionType: string;
  readonly partnerIds: readonly string[];
  readonly dealIds: readonly string[];
}

export interface WebhookBatch {
  readonly tenant: string;
  readonly events: readonly WebhookEvent[];
  /** Events of types the service does not act on. */
  readonly ignored: number;
}

export function parseWebhookBatch(body: unknown): WebhookBatch {
  const list = parseOrThrow(
    z.array(z.unknown(), { error: 'must be a JSON array of webhook events' }).min(1, { error: 'must hold at least one event' }).max(MAX_EVENTS),
    body,
    'the webhook batch',
  );
  const events: WebhookEvent[] = [];
  const portals = new Set<string>();
  let ignored = 0;
  list.forEach((raw, index) => {
    const envelope = parseOrThrow(envelopeSchema, raw, 'a webhook event', `[${index}]`);
    portals.add(envelope.portalId);
    const handled = HANDLED[envelope.subscriptionType];
    if (!handled) {
      ignored += 1;
      return;
    }
    const ids = recordsOf(raw, index, handled);
    if (ids === null) {
      ignored += 1;
      return;
    }
    events.push({ eventId: envelope.eventId, subscriptionType: envelope.subscriptionType, ...ids });
  });
  const [portal, ...others] = [...portals];
  if (portal === undefined || others.length > 0) {
    throw new AppError('invalid_input', 'a webhook batch must come from one HubSpot account', {
      problems: [{ field: 'portalId', problem: `the events name ${portals.size} different accounts (${[...portals].join(', ')})` }],
    });
  }
  return { tenant: `hubspot:${portal}`, events, ignored };
}

/** The partner companies and deals to re-read; null when the event concerns neither (e.g. a deal→contact link). */
function recordsOf(raw: unknown, index: number, handled: { object: ObjectKind; change: Change }): Pick<WebhookEvent, 'partnerIds' | 'dealIds'> | null {
  if (handled.change !== 'associationChange') {
    const { objectId } = parseOrThrow(objectEventSchema, raw, 'a webhook event', `[${index}]`);
    return handled.object === 'deal' ? { partnerIds: [], dealIds: [objectId] } : { partnerIds: [objectId], dealIds: [] };
  }
  const event = parseOrThrow(associationEventSchema, raw, 'a webhook event', `[${index}]`);
  const kind = event.associationType?.toUpperCase();
  const other = handled.object === 'deal' ? 'COMPANY' : 'DEAL';
  if (kind !== undefined && !kind.includes(`_TO_${other}`)) return null;
  // The deal's partner list is re-read whole, which covers both the company it left and the one it joined.
  return { partnerIds: [], dealIds: [handled.object === 'deal' ? event.fromObjectId : event.toObjectId] };
}
