import { z } from 'zod';

/**
 * Who may change a partner's stage: HubSpot users by id or email, Salesforce users by id or
 * profile id. Ids arrive as numbers or strings (HubSpot ids are numeric); they are compared as text.
 */
const idList = z.array(z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String)).default([]);

/** A Canvas request names its viewer and their profile by id only, so a name here could never match. */
const salesforceIdList = (what: string) =>
  z
    .array(z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, { error: `must be a ${what} id of 15 or 18 characters (Salesforce tells us no names)` }))
    .default([]);

export const channelManagersSchema = z.strictObject({
  hubspot: z
    .strictObject({
      userIds: idList,
      emails: z.array(z.email({ error: 'must be an email address' }).transform((e) => e.toLowerCase())).default([]),
    })
    .default({ userIds: [], emails: [] }),
  salesforce: z
    .strictObject({
      userIds: salesforceIdList('user'),
      profiles: salesforceIdList('profile'),
    })
    .default({ userIds: [], profiles: [] }),
});

export type ChannelManagers = z.output<typeof channelManagersSchema>;

export const NO_CHANNEL_MANAGERS: ChannelManagers = {
  hubspot: { userIds: [], emails: [] },
  salesforce: { userIds: [], profiles: [] },
};
