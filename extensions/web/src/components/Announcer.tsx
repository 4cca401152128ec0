import { useCallback, useState, type ReactNode } from 'react';
import { AnnounceContext } from '../announce.ts';

/** Holds the live region; a repeated message is still read because each one gets a fresh element. */
export function Announcer({ children }: { readonly children: ReactNode }) {
  const [message, setMessage] = useState({ text: '', seq: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, seq: m.seq + 1 })), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="status-line" role="status" aria-live="polite" aria-atomic="true">
        {message.text ? <p key={message.seq}>{message.text}</p> : null}
      </div>
    </AnnounceContext.Provider>
  );
}
