/** HubSpot's own limit for `hubspot.fetch` bodies; nothing the cards send comes near it. */
export const BODY_LIMIT = '1mb';
