import { hubspot } from '@hubspot/ui-extensions';
import { JourneyCard } from './JourneyCard.tsx';

hubspot.extend<'crm.record.tab'>(() => <JourneyCard />);
