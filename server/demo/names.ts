const PREFIXES = [
  'Northwind', 'Bluepeak', 'Cobalt', 'Ipê', 'Lumen', 'Solstice', 'Araucária', 'Tidewater', 'Quartz', 'Harbor',
  'Juniper', 'Cerrado', 'Vertex', 'Brightline', 'Maré', 'Summit', 'Orbital', 'Granite', 'Pampas', 'Kestrel',
];
const SUFFIXES = ['Systems', 'Consulting', 'Labs', 'Digital', 'Partners', 'Cloud', 'Integrações', 'Analytics', 'Group', 'Tecnologia', 'Networks', 'Solutions'];
const PRODUCTS = ['Platform licence', 'Analytics add-on', 'Onboarding package', 'Enterprise renewal', 'Data migration', 'Support plan', 'Expansion seats', 'Integration bundle'];
const CUSTOMERS = ['Helio Foods', 'Casa Verde', 'Atlas Freight', 'Pinheiro Saúde', 'Redwood Retail', 'Nova Energia', 'Kite Insurance', 'Porto Logística', 'Meridian Bank', 'Oakline Schools'];

/** A unique, made-up company name for the i-th demo partner. */
export function partnerName(index: number): string {
  const base = `${PREFIXES[index % PREFIXES.length]} ${SUFFIXES[Math.floor(index / PREFIXES.length) % SUFFIXES.length]}`;
  const round = Math.floor(index / (PREFIXES.length * SUFFIXES.length));
  return round === 0 ? base : `${base} ${round + 1}`;
}

export function dealName(pick: <T>(items: readonly T[]) => T): string {
  return `${pick(PRODUCTS)} — ${pick(CUSTOMERS)}`;
}
