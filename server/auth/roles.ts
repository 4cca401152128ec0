import type { Role } from '../../shared/api/journey-api.ts';
import type { ChannelManagers } from '../config/channel-managers.ts';

export type CrmIdentity =
  | { readonly crm: 'hubspot'; readonly userId: string; readonly email: string | null }
  | { readonly crm: 'salesforce'; readonly userId: string; readonly profile: string | null };

/** A verified user is a channel manager when the mapping names them; everyone else verified is a rep. */
export function roleOf(identity: CrmIdentity, managers: ChannelManagers): Role {
  if (identity.crm === 'hubspot') {
    const { userIds, emails } = managers.hubspot;
    const email = identity.email?.toLowerCase();
    return userIds.includes(identity.userId) || (email !== undefined && emails.includes(email)) ? 'manager' : 'rep';
  }
  const { userIds, profiles } = managers.salesforce;
  // Salesforce shows 15-character ids in the UI and sends 18-character ones in APIs: both name the same user.
  const id15 = identity.userId.slice(0, 15);
  const byId = userIds.some((id) => id.slice(0, 15) === id15);
  const profile15 = identity.profile?.slice(0, 15);
  const byProfile = profile15 !== undefined && profiles.some((p) => p.slice(0, 15) === profile15);
  return byId || byProfile ? 'manager' : 'rep';
}
