export const HELP = `partner-journey — the partner journey for HubSpot and Salesforce

Usage:
  partner-journey evaluate FILE|-  [--locale en|pt-BR] [--rules RULES.json]
      Read one journey input document (DESIGN.md §3) from FILE, or from standard
      input with "-", and print the evaluation as JSON: suggested stage, health,
      evidence, ranked actions and KPIs.
      --locale   language of action titles, reasons and evidence labels (default en)
      --rules    JSON file with threshold overrides, global and per partner type

  partner-journey serve
      Run the service behind the CRM cards. Configured by environment variables:
      PORT (3000), DATABASE_URL (postgres://…; unset = embedded PGlite in DATA_DIR,
      default ./.data), PUBLIC_BASE_URL (the https origin the CRMs call),
      HUBSPOT_CLIENT_SECRET, HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL, SALESFORCE_*,
      CHANNEL_MANAGERS (JSON) or CHANNEL_MANAGERS_FILE, RULES_FILE, LOG_LEVEL,
      DEMO (default: on when no CRM credentials are set; seeds a demo tenant and
      serves the card at /preview). Stops cleanly on SIGTERM/SIGINT.

  partner-journey sync      run the CRM sync jobs once              (coming with the CRM adapters)
  partner-journey setup     create the CRM fields                   (coming with the CRM adapters)

Exit codes: 0 ok, 1 invalid input or configuration, 2 usage error, 3 unexpected failure.
`;
