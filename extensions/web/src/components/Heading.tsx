import { createContext, useContext, type HTMLAttributes, type ReactNode } from 'react';

const LevelContext = createContext(1);

type HeadingProps = HTMLAttributes<HTMLHeadingElement> & { readonly children: ReactNode };

/** A heading one level below the section it sits in, so nested cards keep a sound outline. */
export function Heading({ children, ...rest }: HeadingProps) {
  const level = Math.min(useContext(LevelContext), 6);
  const Tag = `h${level}` as 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return <Tag {...rest}>{children}</Tag>;
}

/** Everything inside gets headings one level deeper. */
export function Section({ children }: { readonly children: ReactNode }) {
  const level = useContext(LevelContext);
  return <LevelContext.Provider value={level + 1}>{children}</LevelContext.Provider>;
}
