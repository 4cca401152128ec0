import { createContext, useContext } from 'react';

/** Says something to screen-reader users (and shows it) through the page's one polite live region. */
export type Announce = (message: string) => void;

export const AnnounceContext = createContext<Announce>(() => {});

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
