import type { ReactNode } from 'react';

export type HeadingLevel = 2 | 3 | 4;

/** A heading at the level the screen gives (the shared parts sit under h2 on one screen, under h3 on another). */
export function Heading(props: { level: HeadingLevel; id?: string; className?: string; children: ReactNode }) {
  const Tag = `h${props.level}` as const;
  return (
    <Tag id={props.id} className={props.className}>
      {props.children}
    </Tag>
  );
}
