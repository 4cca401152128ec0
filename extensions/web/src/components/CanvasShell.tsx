import { useMemo } from 'react';
import type { CardBoot } from '../../../../shared/api/card-boot.ts';
import { createJourneyApi, type RecordRef } from '../journey-api.ts';
import { Announcer } from './Announcer.tsx';
import { RecordView } from './RecordView.tsx';

interface CanvasShellProps {
  readonly boot: CardBoot;
  readonly token: string;
  readonly record: RecordRef;
}

/** Inside a Salesforce record page: one record, the session the service opened for it, no list. */
export function CanvasShell({ boot, token, record }: CanvasShellProps) {
  const api = useMemo(() => createJourneyApi({ apiBase: boot.apiBase, token }), [boot.apiBase, token]);
  return (
    <main className="app canvas">
      <Announcer>
        <RecordView api={api} record={record} locale={boot.locale} />
      </Announcer>
    </main>
  );
}
