// The client address behind trusted reverse proxies. Each proxy appends the address it received
// the request from to X-Forwarded-For, so only the rightmost entries were written by proxies we
// trust; everything to their left came from the client and may be forged. With `hops` proxies in
// front of the service, the client is the hops-th entry from the right. A header with fewer
// entries than that reached us past some proxy: its leftmost entry is the best we know. An entry
// that is not an address (a forged header can hold anything) falls back to the connection's peer,
// so nobody can mint fresh rate-limit keys by writing text there.

const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[?[0-9a-f:.]{2,45}\]?)$/i;

export function clientFromForwardedFor(header: string | undefined, hops: number, peer: string): string {
  if (hops <= 0 || !header) return peer;
  const entries = header.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return peer;
  const candidate = entries[Math.max(0, entries.length - hops)]!;
  const bare = candidate.replace(/^\[(.*)\](?::\d+)?$/, '$1').replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1');
  return ADDRESS.test(bare) ? bare.toLowerCase() : peer;
}
