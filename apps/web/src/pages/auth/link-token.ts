import { useState } from 'react';
import { useLocation } from 'react-router-dom';

/** The link's token: in the fragment (`#token=…`, which no server sees), or in the query of a hand-made link. */
function tokenOf(hash: string, search: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? new URLSearchParams(search).get('token');
}

/** The token of the e-mailed link this page was opened from, read once. */
export function useLinkToken(): string | null {
  const location = useLocation();
  const [token] = useState(() => tokenOf(location.hash, location.search));
  return token;
}
