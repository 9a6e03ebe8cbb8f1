/** A bearer token straight from the emulator's `POST /v1/oauth`, for the raw reference fetches. */
export async function fetchToken(base: string, id: string, secret: string): Promise<string> {
  const res = await fetch(`${base}/v1/oauth`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`the emulator gave no token (HTTP ${res.status})`);
  return body.access_token;
}
