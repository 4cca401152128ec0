import { z } from 'zod';

/**
 * Who may change a partner's stage: HubSpot users by id or email, Salesforce users by id or
 * profile. Ids arrive as numbers or strings (HubSpot ids are numeric); they are compared as text.
 */
const idList = z.array(z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String)).default([]);

export const channelManagersSchema = z.strictObject({
  hubspot: z
    .strictObject({
      userIds: idList,
      emails: z.array(z.email({ error: 'must be an email address' }).transform((e) => e.toLowerCase())).default([]),
    })
    .default({ userIds: [], emails: [] }),
  salesforce: z
    .strictObject({
      userIds: idList,
      profiles: z.array(z.string().min(1)).default([]),
    })
    .default({ userIds: [], profiles: [] }),
});

export type ChannelManagers = z.output<typeof channelManagersSchema>;

export const NO_CHANNEL_MANAGERS: ChannelManagers = {
  hubspot: { userIds: [], emails: [] },
  salesforce: { userIds: [], profiles: [] },
};
