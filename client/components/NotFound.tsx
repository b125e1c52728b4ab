import type { ReactNode } from 'react';

/** What a view says for a thing that does not exist: the server's reason and where to go instead. */
export function NotFound({ title, message, children }: { title: string; message: string; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>{children}</p>
    </>
  );
}
