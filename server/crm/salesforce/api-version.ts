/**
 * The REST API version every call uses (Spring '26). Pinned so behaviour never shifts under us,
 * and never jsforce's v50.0 default; the metadata's sourceApiVersion matches it, since the
 * External Client App canvas settings exist from 66.0 on.
 */
export const SALESFORCE_API_VERSION = '66.0';
