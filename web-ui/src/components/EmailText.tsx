import { Fragment } from 'react';

/**
 * An email address that wraps where a reader splits it (after the @, before a dot) rather than at any letter: on a
 * phone "ada.lovelace@<wbr>example<wbr>.com", not "ada.lovelace@exa / mple.com". Still breaks anywhere when a part alone
 * is too long.
 */
export function EmailText({ email }: { email: string }) {
  const parts = email.split(/(?<=@)|(?=\.)/);
  return (
    <span style={{ overflowWrap: 'anywhere' }}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
