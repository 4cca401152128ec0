export const HELP = `partner-journey — the partner journey for HubSpot and Salesforce

Usage:
  partner-journey evaluate FILE|-  [--locale en|pt-BR] [--rules RULES.json]
      Read one journey input document (DESIGN.md §3) from FILE, or from standard
      input with "-", and print the evaluation as JSON: suggested stage, health,
      evidence, ranked actions and KPIs.
      --locale   language of action titles, reasons and evidence labels (default en)
      --rules    JSON file with threshold overrides, global and per partner type

  partner-journey serve  [--crm hubspot|salesforce]
      Run the service behind the CRM cards, its webhooks and the scheduled sync.
      Configured by environment variables: PORT (3000), DATABASE_URL (postgres://…;
      unset = embedded PGlite in DATA_DIR, default ./.data), PUBLIC_BASE_URL (the
      https origin the CRMs call), HUBSPOT_CLIENT_SECRET, HUBSPOT_ACCESS_TOKEN,
      HUBSPOT_BASE_URL, HUBSPOT_REQUESTS_PER_10S (100), HUBSPOT_SEARCHES_PER_SECOND
      (4), SALESFORCE_*, SYNC_INTERVAL_MINUTES (15; 0 = no schedule), CRM_LOCALE
      (en|pt-BR: language of the next action written to the CRM), CHANNEL_MANAGERS
      (JSON) or CHANNEL_MANAGERS_FILE, RULES_FILE, LOG_LEVEL, DEMO (default: on
      when no CRM credentials are set). The demo starts a local CRM sandbox (--crm
      picks which; HubSpot by default) kept in DATA_DIR, sets it up, syncs it and
      serves the card for it at /preview. Stops cleanly on SIGTERM/SIGINT.

  partner-journey sync  [--crm hubspot|salesforce] [--full] [--locale en|pt-BR]
      Run the sync once for every configured CRM (or the one named): finish or
      start the backfill, then read what changed since the last run; print what
      was read, promoted and written. --full reads every partner again (history
      is kept; --locale is the language of the report). Same environment as
      serve. Exits 5 when it stopped early or could
      not write some records: run it again, it resumes where it stopped.

  partner-journey setup --crm hubspot  [--locale en|pt-BR]
      Create, in the portal of HUBSPOT_ACCESS_TOKEN (HUBSPOT_BASE_URL to point
      elsewhere), the property group partner_journey, every company and deal
      property of DESIGN.md §4 and the deal→company association label "Partner".
      Safe to run again: what exists is checked, not changed. Exits 4 when a
      property of ours exists with another type or a scope is missing.
  partner-journey setup --crm salesforce
      Check with describe that the Partner Journey fields exist in the org with the
      right types and picklist values, and that the sync's user can edit them; print
      what is missing and how to fix it. Reads SALESFORCE_* (login URL, client id,
      username and private key for the JWT flow, or client secret and My Domain URL).

Exit codes: 0 ok, 1 invalid input or configuration, 2 usage error, 3 unexpected failure
            (the CRM unreachable or refusing), 4 the CRM is not set up for the sync (setup),
            5 the sync did not finish (sync).
`;
